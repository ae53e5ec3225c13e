"""What every endpoint family is built from: reading a request (`http`, `multipart`, `parsed`),
answering it (`http`, `scripted` for a scenario's step), paging a list (`pagination`), the
server's and the request's state (`state`), the files that several families share (`files`),
loopback requests a family makes to the server itself (`loopback`), and recording an
administrative action in the audit log (`audit`).

The toolkit sits below the families and above the domain (scenarios, faults, rate limits...):
it never imports a family, the server app or the control API.
"""
