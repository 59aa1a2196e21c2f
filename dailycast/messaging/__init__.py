"""Moving events between services: Avro encoding, the log ports, delivery with retries."""
