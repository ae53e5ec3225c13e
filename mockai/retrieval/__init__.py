"""Retrieval as vector stores and file search do it, with no server in it: a file's text
(`documents`), its chunks in real tokens (`chunking`), deterministic embedding vectors
(`vectors`, which the embeddings family answers with too), the query and its rewrite
(`queries`), hybrid scoring of chunks against queries (`ranking`), attribute filters
(`filters`), and the answer a search suggests with the places its sources are cited
(`answers`)."""
