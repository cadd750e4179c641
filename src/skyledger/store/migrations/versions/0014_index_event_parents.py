"""index the events' parent column

Revision ID: 0014
Revises: 0013

`events.parent_id` refers to `events.id` (ON DELETE SET NULL), so removing an event makes
the database look for the events that name it as parent. Without an index on the column
that look-up read every event: reconciliation removes the events a batch makes stale, and
on a ledger of a few hundred thousand reports each removal cost a third of a second.
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_parent", "events", ["parent_id"])


def downgrade() -> None:
    op.drop_index("ix_events_parent", table_name="events")
