"""Following sources as they post: fetching politely, polling each kind, the watch loop."""
