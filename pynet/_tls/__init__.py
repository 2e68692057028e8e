"""Node's ``tls`` on pynet's loop: certificates, contexts, the TLS handle, TLSSocket."""
