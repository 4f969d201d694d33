# Messages of the rules checks.
