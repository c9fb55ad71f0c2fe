"""Celery application.

Without CELERY_BROKER_URL every task runs in-process (eager), so the demo needs no broker;
with a Redis URL the same tasks run on workers on any number of machines.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "brug.settings")

app = Celery("brug")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
