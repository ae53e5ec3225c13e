"""Recording real answers as scenario files, and replaying them (`mockai record`,
`mockai serve --proxy-unmatched URL --record DIR`).

`proxy` forwards a request to the upstream and hands its answer back as it arrives while
capturing it (`capture`); `writer` turns captured exchanges into scenario files (`steps` builds
the match and the step, `normalise` keeps ids and timestamps out of the diff); `replay` sends a
recorded stream back with fresh ids. The pytest plugin can drive the same pieces: a `Recorder`,
a `Forwarder`, `recording_app`.
"""
