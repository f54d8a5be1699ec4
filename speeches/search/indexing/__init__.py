"""Writing the index: the durable queue (queue.py) fed by model signals (signals.py), the block
writer (writer.py), the parallel rebuild (rebuild.py) and the generations it swaps (generations.py).
Imported at start-up by the signal processor, so nothing here loads jieba or Whoosh on import."""
