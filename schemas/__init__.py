"""The Avro schema of every event, one file per version: ``<event>.v<N>.avsc``.

A package of its own so that the files ship in the wheel; read them with
``importlib.resources.files("schemas")`` (``dailycast.messaging.avro`` does).
"""
