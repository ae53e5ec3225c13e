"""SDP (RFC 8866) offers read and answers written for `POST /v1/realtime/calls`: the answer a
WebRTC peer can set as its remote description, deterministic for the offer.

The answer has one section per offered media section, in order, with the same `mid`s (and so
the same BUNDLE group): audio answered with Opus when offered (else the first payload type),
a data channel with SCTP on port 5000, anything else refused with port 0. Its ICE ufrag and
password and its DTLS fingerprint are derived from the offer's bytes; the answerer takes the
DTLS `active` role, as the API reference's example answer does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from mockai.errors import invalid_request

# The real wording of a refused offer is not known (a community thread shows a 400 with an
# empty message for an offer the API could not use).
BAD_OFFER = "Invalid SDP offer: it must start with 'v=0' and offer at least one media section."
AUDIO_PROTO = "UDP/TLS/RTP/SAVPF"
DATA_PROTO = "UDP/DTLS/SCTP"


@dataclass
class Media:
    kind: str  # audio, video, application
    proto: str
    formats: list[str]
    mid: str
    rtpmap: dict[str, str] = field(default_factory=dict)  # payload type -> "opus/48000/2"


def parse(offer: str) -> list[Media] | None:
    """The media sections of an offer, or None when it is not an SDP offer."""
    lines = [line.strip() for line in offer.replace("\r\n", "\n").split("\n") if line.strip()]
    if not lines or lines[0] != "v=0":
        return None
    media: list[Media] = []
    for line in lines[1:]:
        if line.startswith("m="):
            parts = line[2:].split()
            if len(parts) < 3:
                return None
            media.append(Media(parts[0], parts[2], parts[3:], str(len(media))))
        elif media and line.startswith("a=mid:"):
            media[-1].mid = line[len("a=mid:") :]
        elif media and line.startswith("a=rtpmap:"):
            payload, _, codec = line[len("a=rtpmap:") :].partition(" ")
            media[-1].rtpmap[payload] = codec
    return media or None


def read_offer(offer: str, lenient: bool) -> list[Media]:
    """The offer's media, or the 400 for an offer that is not one (`--lenient`: answered as
    if a browser's usual offer, audio and a data channel, had been sent)."""
    media = parse(offer)
    if media is not None:
        return media
    if not lenient:
        raise invalid_request(BAD_OFFER, "sdp")
    return [
        Media("audio", AUDIO_PROTO, ["111"], "0", {"111": "opus/48000/2"}),
        Media("application", DATA_PROTO, ["webrtc-datachannel"], "1"),
    ]


def _codec(media: Media) -> str:
    for payload, codec in media.rtpmap.items():
        if codec.lower().startswith("opus/"):
            return payload
    return media.formats[0] if media.formats else "111"


def answer(offer: str, media: list[Media]) -> str:
    digest = hashlib.sha256(offer.encode()).digest()
    ufrag = digest[:6].hex()
    pwd = hashlib.sha256(b"pwd" + digest).hexdigest()[:32]
    fingerprint = ":".join(f"{b:02X}" for b in hashlib.sha256(b"dtls" + digest).digest())
    session_id = int.from_bytes(digest[6:10], "big")
    lines = [
        "v=0",
        f"o=- {session_id} {session_id} IN IP4 127.0.0.1",
        "s=-",
        "t=0 0",
        "a=group:BUNDLE " + " ".join(m.mid for m in media),
        "a=msid-semantic:WMS *",
        f"a=fingerprint:sha-256 {fingerprint}",
    ]
    for m in media:
        if m.kind == "application":
            lines.append(f"m=application 9 {m.proto} webrtc-datachannel")
        elif m.kind == "audio":
            lines.append(f"m=audio 9 {m.proto} {_codec(m)}")
        else:  # refused: port 0, the offer's first format
            lines.append(f"m={m.kind} 0 {m.proto} {m.formats[0] if m.formats else '0'}")
        lines += [
            "c=IN IP4 0.0.0.0",
            f"a=mid:{m.mid}",
            f"a=ice-ufrag:{ufrag}",
            f"a=ice-pwd:{pwd}",
            "a=setup:active",
        ]
        if m.kind == "application":
            lines.append("a=sctp-port:5000")
        elif m.kind == "audio":
            codec = _codec(m)
            lines += [
                "a=sendrecv",
                "a=rtcp-mux",
                f"a=rtpmap:{codec} {m.rtpmap.get(codec, 'opus/48000/2')}",
            ]
        if m.kind != "audio" and m.kind != "application":
            lines.append("a=inactive")
        else:
            lines.append(f"a=candidate:1 1 udp 2130706431 127.0.0.1 3478 typ host ufrag {ufrag}")
    return "\r\n".join(lines) + "\r\n"
