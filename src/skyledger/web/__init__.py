"""The offline dashboard: static files served by the API at / (no CDN, no tile server).

`static/vendor/` holds Leaflet and Swagger UI from npm and `static/data/` the admin-1
map, both rebuilt by scripts/build_web_assets.sh and committed.
"""
