# Messages of the command line.

# The words before a message on the terminal.
cli-error = error
cli-hint = hint
