"""Production serving: `make serve` runs drift.serve, nginx in front of supervised replicas of
the dashboard (the nginx configuration is the template drift/nginx.conf.mall)."""
