from django.apps import AppConfig


class BenchmarkConfig(AppConfig):
    """The performance benchmark's management commands: a dataset the size of ten years' work, and query counts."""

    name = "family_resources.benchmark"
    verbose_name = "Performance benchmark"
