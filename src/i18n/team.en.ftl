# Messages of team work (src/team/): sync, review, CI.
