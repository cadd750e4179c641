"""addresses that are no web link kept as text beside the report's url

Revision ID: 0006
Revises: 0003
Create Date: 2026-11-27 10:00:00
"""

import sqlalchemy as sa
from alembic import op

from skyledger.untrusted import safe_url

revision = "0006"
down_revision = "0003"
branch_labels = None
depends_on = None

reports = sa.table(
    "reports",
    sa.column("id", sa.BigInteger),
    sa.column("url", sa.String),
    sa.column("url_text", sa.String),
)


def upgrade() -> None:
    # `url` holds http(s) links only; a `javascript:` or `tg://` address stored before
    # moves to `url_text`, so no renderer can make it a link and nothing is lost.
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("url_text", sa.String(length=2000), nullable=True))
    conn = op.get_bind()
    lowered = sa.func.lower(reports.c.url)
    suspects = conn.execute(
        sa.select(reports.c.id, reports.c.url).where(
            reports.c.url.is_not(None), lowered.not_like("http://%"), lowered.not_like("https://%")
        )
    ).all()
    for row in suspects:
        link = safe_url(row.url)
        if link != row.url:
            text = None if link else row.url
            conn.execute(
                reports.update().where(reports.c.id == row.id).values(url=link, url_text=text)
            )


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_column("url_text")
