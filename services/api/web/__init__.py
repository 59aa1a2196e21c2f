"""The web pages: students' podcasts, player, answers and progress; staff's /admin/dailycast/.

Plain HTML shells (`html/`, served by `pages.py`) and vanilla JS modules and CSS (`static/`) that
talk to the REST API with the bearer token kept in sessionStorage. No build step, no CDN.
"""
