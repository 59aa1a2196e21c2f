"""Dailycast: personalized daily learning podcasts."""
