#!/usr/bin/env python3
"""Generates the negative MIMI content vectors in Vectors/generated/mimi-content-negative (one JSON file per rule).

Run: python3 Vectors/generators/mimi-content-negative.py (from anywhere). Standard library only; the CBOR encoder below is deterministic
(RFC 8949 section 4.2.1) unless a vector asks for a specific non-deterministic byte sequence.
"""
import json, os, struct, hashlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "generated", "mimi-content-negative")

def head(major, n):
    if n < 24: return bytes([major << 5 | n])
    if n < 0x100: return bytes([major << 5 | 24, n])
    if n < 0x10000: return bytes([major << 5 | 25]) + struct.pack(">H", n)
    if n < 0x100000000: return bytes([major << 5 | 26]) + struct.pack(">I", n)
    return bytes([major << 5 | 27]) + struct.pack(">Q", n)

class Raw(bytes):
    """Bytes inserted as they are (to build non-deterministic or malformed items)."""

class Tag:
    def __init__(self, tag, value): self.tag, self.value = tag, value

def enc(v):
    if isinstance(v, Raw): return bytes(v)
    if v is None: return b"\xf6"
    if v is True: return b"\xf5"
    if v is False: return b"\xf4"
    if isinstance(v, int): return head(0, v) if v >= 0 else head(1, -1 - v)
    if isinstance(v, bytes): return head(2, len(v)) + v
    if isinstance(v, str):
        b = v.encode(); return head(3, len(b)) + b
    if isinstance(v, list): return head(4, len(v)) + b"".join(enc(x) for x in v)
    if isinstance(v, dict):
        items = sorted((enc(k), enc(x)) for k, x in v.items())
        return head(5, len(items)) + b"".join(k + x for k, x in items)
    if isinstance(v, Tag): return head(6, v.tag) + enc(v.value)
    raise TypeError(v)

SENDER = "mimi://example.com/u/alice-smith"
BOB = "mimi://example.com/u/bob-jones"
ROOM = "mimi://example.com/r/engineering_team"
SALT = bytes.fromhex("5eed9406c2545547ab6f09f20a18b003")
TEXT = [1, "", 1, "text/plain;charset=utf-8", b"hi"]

def msg(salt=SALT, replaces=None, topic=b"", expires=None, reply=None, ext=None, body=None):
    return [salt, replaces, topic, expires, reply, {1: SENDER, 2: ROOM} if ext is None else ext, TEXT if body is None else body]

def mid(tail): return bytes([1]) + bytes([tail]) * 31

def message_id(cbor, sender, room):
    s, r = sender.encode(), room.encode()
    h = hashlib.sha256(struct.pack(">H", len(s)) + s + struct.pack(">H", len(r)) + r + cbor + cbor[2:18]).digest()
    return bytes([1]) + h[:31]

BASE = enc(msg())
assert BASE[:2] == b"\x87\x50"
leaf = [1, "", 1, "text/plain", b"a"]
def nest(depth):
    p = leaf
    for _ in range(depth - 1): p = [1, "", 3, 2, [p, leaf]]
    return p

vectors = []
def add(name, kind, rule, requirement, expected, data=None, **extra):
    v = {"kind": kind, "rule": rule, "requirement": requirement, "draft": extra.pop("draft", "08")}
    if data is not None: v["input_hex"] = (data if isinstance(data, bytes) else enc(data)).hex()
    v.update(extra)
    v["expected_error"] = expected
    vectors.append((name, v))

C8 = "draft-ietf-mimi-content-08"
# --- CBOR well-formedness and deterministic encoding, inside a message ---------------------------------------
add("cbor-truncated", "content", "input ends inside the head of an item", "RFC8949 §3", "cbor.truncated", BASE[:-3] + b"\x19\x01")
add("cbor-length-exceeds-input", "content", "a string longer than the input", "RFC8949 §3", "cbor.lengthExceedsInput", BASE[:-1])
add("cbor-trailing-bytes", "content", "bytes after the message", "RFC8949 §5.3.1", "cbor.trailingBytes", BASE + b"\x00")
add("cbor-reserved-additional-info", "cbor", "additional information 28", "RFC8949 §3", "cbor.reservedAdditionalInfo", bytes.fromhex("821c00"))
add("cbor-unexpected-break", "cbor", "break outside an indefinite item", "RFC8949 §3.2.1", "cbor.unexpectedBreak", bytes.fromhex("8201ff"))
add("cbor-indefinite-array", "content", "the body as an indefinite-length array", f"{C8} §6.1 MUST", "cbor.indefiniteLength",
    enc(msg(body=Raw(b"\x9f" + b"".join(enc(x) for x in TEXT) + b"\xff"))))
add("cbor-indefinite-string", "content", "the content as an indefinite-length byte string", f"{C8} §6.1 MUST", "cbor.indefiniteLength",
    enc(msg(body=[1, "", 1, "text/plain", Raw(b"\x5f\x41h\x41i\xff")])))
add("cbor-non-shortest-integer", "content", "disposition 1 encoded as 0x1801", f"{C8} §6.1 MUST", "cbor.nonShortestArgument",
    enc(msg(body=[Raw(b"\x18\x01"), "", 1, "text/plain", b"hi"])))
add("cbor-non-shortest-length", "content", "a 2-byte content with a 1-byte length argument", f"{C8} §6.1 MUST", "cbor.nonShortestArgument",
    enc(msg(body=[1, "", 1, "text/plain", Raw(b"\x58\x02hi")])))
add("cbor-non-shortest-float", "content", "1.5 as a double in an extension", f"{C8} §6.1 MUST", "cbor.nonShortestFloat",
    enc(msg(ext={1: SENDER, 2: ROOM, 300: Raw(bytes.fromhex("fb3ff8000000000000"))})))
add("cbor-non-canonical-nan", "content", "a NaN other than 0xf97e00 in an extension", f"{C8} §6.2 MUST", "cbor.nonCanonicalNaN",
    enc(msg(ext={1: SENDER, 2: ROOM, 300: Raw(bytes.fromhex("fa7fc00001"))})))
add("cbor-invalid-simple", "content", "two-byte simple value 20 in an extension", "RFC8949 §3.3", "cbor.invalidSimpleValue",
    enc(msg(ext={1: SENDER, 2: ROOM, 300: Raw(b"\xf8\x14")})))
add("cbor-invalid-utf8", "content", "a contentType that is not UTF-8", f"{C8} §6.2 MUST", "cbor.invalidUTF8",
    enc(msg(body=[1, "", 1, Raw(b"\x62\xc3\x28"), b"hi"])))
add("cbor-unsorted-keys", "content", "extension keys 2 before 1", f"{C8} §6.1 MUST", "cbor.unsortedMapKeys",
    enc(msg(ext=Raw(b"\xa2" + enc(2) + enc(ROOM) + enc(1) + enc(SENDER)))))
add("cbor-length-first-order", "content", "RFC 7049 canonical (length-first) key order", f"{C8} §6.1 MUST NOT", "cbor.unsortedMapKeys",
    enc(msg(ext=Raw(b"\xa4" + enc(1) + enc(SENDER) + enc(2) + enc(ROOM) + enc(-1) + enc(0) + enc(100) + enc(0)))))
add("cbor-duplicate-key", "content", "senderUri twice", f"{C8} §4.3 MUST NOT", "cbor.duplicateMapKey",
    enc(msg(ext=Raw(b"\xa2" + enc(1) + enc(SENDER) + enc(1) + enc(BOB)))))
add("cbor-bignum-not-reduced", "content", "a bignum that fits in an integer", f"{C8} §6.1 MUST", "cbor.bignumNotReduced",
    enc(msg(ext={1: SENDER, 2: ROOM, 300: Tag(2, b"\x01\x00")})))
add("cbor-invalid-tag-content", "content", "tag 0 on an integer", "RFC8949 §3.4.1", "cbor.invalidTagContent",
    enc(msg(ext={1: SENDER, 2: ROOM, 300: Tag(0, 5)})))
add("cbor-depth-exceeded", "content", "40 nested arrays in an extension", "decoder limit (depth 32)", "cbor.depthExceeded",
    enc(msg(ext={1: SENDER, 2: ROOM, 300: Raw(b"\x81" * 40 + b"\x00")})))
# --- CDDL schema -------------------------------------------------------------------------------------------
A1 = f"{C8} Appendix A.1"
add("schema-message-shape", "content", "6 elements instead of 7", A1, "content.messageShape", msg()[:6])
add("schema-topic-type", "content", "topicId as a text string", A1, "content.typeMismatch", msg(topic="t"))
add("schema-salt-size", "content", "a 15-octet salt", f"{C8} §4.1", "content.saltSize", msg(salt=SALT[:15]))
add("schema-message-id-size", "content", "inReplyTo of 31 octets", A1, "content.messageIdSize", msg(reply=mid(7)[:31]))
add("schema-expiration-shape", "content", "expires as a bare integer array of one", A1, "content.expirationShape", msg(expires=[1644390004]))
add("schema-expiration-range", "content", "expiration time above uint32", A1, "content.integerRange", msg(expires=[False, 2**32]))
add("schema-extension-key-type", "content", "a byte-string extension key", f"{C8} §4.3", "content.extensionKeyType",
    msg(ext={1: SENDER, 2: ROOM, b"k": 1}))
add("schema-extension-key-length", "content", "a 256-octet text key", f"{C8} §6.2 MUST", "content.extensionKeyLength",
    msg(ext={1: SENDER, 2: ROOM, "k" * 256: 1}))
add("schema-sender-uri-type", "content", "senderUri as a byte string", f"{C8} §8.2.1", "content.extensionValueType",
    msg(ext={1: SENDER.encode(), 2: ROOM}))
add("schema-part-shape", "content", "a SinglePart without content", A1, "content.partShape", msg(body=[1, "", 1, "text/plain"]))
add("schema-unknown-cardinality", "content", "cardinality 4", A1, "content.unknownCardinality", msg(body=[1, "", 4]))
add("schema-too-few-parts", "content", "a MultiPart with one part", A1, "content.tooFewParts", msg(body=[1, "", 3, 2, [leaf]]))
add("schema-disposition-range", "content", "disposition 256", A1, "content.integerRange", msg(body=[256, "", 0]))
add("schema-external-enc-alg-range", "content", "encAlg above uint16", A1, "content.integerRange",
    msg(body=[6, "", 2, "video/mp4", "https://e/x", 0, 0, 65536, b"", b"", b"", 0, b"", "", ""]))
add("status-shape", "status", "an entry with three elements", "draft-mahy-mimi-message-status-01 §3", "content.statusShape",
    [[mid(1), 2, 0]])
add("status-range", "status", "status 256", "draft-mahy-mimi-message-status-01 §3", "content.statusRange", [[mid(1), 256]])
# --- data model, depth and security considerations ---------------------------------------------------------
add("validation-integer-key-range", "content", "extension key 2^53", f"{C8} §6.2 MUST", "validation.extensionKeyRange",
    msg(ext={1: SENDER, 2: ROOM, 2**53: 0}))
add("validation-nested-map-key", "content", "an array as a key of a map inside an extension", f"{C8} §6.2 MUST", "validation.nestedMapKeyType",
    msg(ext={1: SENDER, 2: ROOM, 300: Raw(b"\xa1\x80\x00")}))
add("validation-extension-depth", "content", "a tag at level 5 of an extension", f"{C8} §6.3 MUST NOT", "validation.extensionDepth",
    msg(ext={1: SENDER, 2: ROOM, 256: [[[Tag(1, 1)]]]}))
add("validation-extension-value-size-07", "content", "a 4096-octet extension value under -07", "draft-ietf-mimi-content-07 §4.3", "validation.extensionValueSize",
    msg(ext={1: SENDER, 2: ROOM, 300: b"\x00" * 4093}), draft="07")
add("validation-nested-part-depth", "content", "NestedParts 5 levels deep", f"{C8} §6.3 MUST NOT", "validation.nestedPartDepth", msg(body=nest(5)))
add("validation-part-count", "content", "1025 parts", f"{C8} §9.1", "validation.partCount", msg(body=[1, "", 3, 2, [[1, "", 0]] * 1024]))
add("validation-unknown-part-semantics", "content", "partSemantics 3", f"{C8} §9.1", "validation.unknownPartSemantics", msg(body=[1, "", 3, 3, [leaf, leaf]]))
add("validation-topic-id-length", "content", "a 4097-octet topicId", f"{C8} §9.1", "validation.topicIdTooLong", msg(topic=b"t" * 4097))
add("validation-expiry-past", "content", "absolute expiry two years before now", f"{C8} §9.1", "validation.expiryTooFarInPast",
    msg(expires=[False, 1_600_000_000]), now=1_700_000_000)
add("validation-expiry-future-relative", "content", "relative expiry of 400 days", f"{C8} §9.1", "validation.expiryTooFarInFuture",
    msg(expires=[True, 400 * 86400]))
add("validation-expiry-future-absolute", "content", "absolute expiry two years after now", f"{C8} §9.1", "validation.expiryTooFarInFuture",
    msg(expires=[False, 1_800_000_000]), now=1_700_000_000)
add("validation-unknown-hash-algorithm", "content", "inReplyTo names hash algorithm 2", f"{C8} §9.1", "validation.unknownHashAlgorithm",
    msg(reply=bytes([2]) + b"\x07" * 31))
add("validation-timestamp-future", "content", "hub timestamp an hour ahead", f"{C8} §9.1", "validation.timestampInFuture",
    msg(), now=1_700_000_000, hub_timestamp_ms=1_700_003_600_000)
add("validation-timestamp-before-room", "content", "hub timestamp before the room existed", f"{C8} §9.1", "validation.timestampBeforeRoom",
    msg(), hub_timestamp_ms=1_600_000_000_000, room_created_ms=1_650_000_000_000)
add("validation-sender-not-member", "content", "sender is not in the group", f"{C8} §9.1", "validation.senderNotMember",
    msg(), members=[BOB])
add("validation-cid-target", "content", "cid: names the MultiPart itself", f"{C8} §4.4 MUST", "validation.cidTarget",
    msg(body=[1, "", 3, 1, [[1, "", 1, "text/html", b'<img src="cid:0@local.invalid">'], [4, "", 1, "image/png", b"\x89"]]]))
add("validation-concatenated-reactions", "content", "two emoji in one text reaction", f"{C8} §5.3 MUST NOT", "validation.concatenatedReactions",
    msg(reply=mid(9), body=[2, "", 1, "text/plain;charset=utf-8", "\u2764\U0001F973".encode()]))
add("validation-external-unencrypted-key", "content", "encAlg 0 with a key", f"{C8} §4.5", "validation.externalEncryptionFields",
    msg(body=[6, "", 2, "video/mp4", "https://e/x", 0, 0, 0, b"k" * 16, b"", b"", 0, b"", "", ""]))
add("validation-external-hash-length", "content", "sha-256 content hash of 20 octets", f"{C8} §4.5", "validation.externalHashLength",
    msg(body=[6, "", 2, "video/mp4", "https://e/x", 0, 0, 1, b"k" * 16, b"n" * 12, b"", 1, b"h" * 20, "", ""]))
# --- conversations -----------------------------------------------------------------------------------------
orig = enc(msg())
orig_id = message_id(orig, SENDER, ROOM)
add("conversation-duplicate-id", "conversation", "the same message delivered twice", f"{C8} §9.1", "validation.duplicateMessageId",
    messages=[{"hex": orig.hex(), "label": "first"}, {"hex": orig.hex(), "label": "again"}])
ia, ib = mid(0xaa), mid(0xbb)
add("conversation-reply-loop", "conversation", "two messages replying to each other (claimed IDs)", f"{C8} §4.1 MUST NOT", "validation.replyLoop",
    messages=[{"hex": enc(msg(reply=ib)).hex(), "id": ia.hex(), "label": "A"},
              {"hex": enc(msg(salt=SALT[::-1], reply=ia)).hex(), "id": ib.hex(), "label": "B"}])
add("conversation-edit-by-other", "conversation", "Bob edits Alice's message", f"{C8} §9.3 MUST NOT", "validation.replacedBySomeoneElse",
    messages=[{"hex": orig.hex(), "label": "original"},
              {"hex": enc(msg(salt=SALT[::-1], replaces=orig_id, ext={1: BOB, 2: ROOM})).hex(), "label": "edit"}])
add("conversation-edit-changes-topic", "conversation", "an edit that moves the message to a topic", f"{C8} §9.3 MUST NOT", "validation.editChangesOtherFields",
    messages=[{"hex": orig.hex(), "label": "original"},
              {"hex": enc(msg(salt=SALT[::-1], replaces=orig_id, topic=b"new")).hex(), "label": "edit"}])

for old in os.listdir(OUT):
    if old.endswith(".json"): os.remove(os.path.join(OUT, old))
for i, (name, v) in enumerate(vectors, 1):
    with open(os.path.join(OUT, f"{i:03d}-{name}.json"), "w") as f:
        json.dump(v, f, indent=2, ensure_ascii=False)
        f.write("\n")
print(len(vectors), "vectors")
