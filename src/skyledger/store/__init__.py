"""The ledger database: schema, migrations, writes and queries (see db.py for opening one)."""

ENV_VAR = "SKYLEDGER_DB"  # the ledger URL or path when a command is given none
