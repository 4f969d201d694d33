# Messages of the history check (src/history/): what a commit did that the procedure does not allow.
