# Messages of the workspace checks.
