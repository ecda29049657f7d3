-- DDoS attacks are reported by the monitoring contractor (issue 15): the demo contractor Netsyst, seeded in demo
-- mode only (and found here by the SHA-256 of its published demo token), may now report them. No-op elsewhere.
update agent_reporter set kinds = 'backup,ddos,snapshot'
 where name = 'Netsyst' and token_hash = '446b0178a545020257403946c6920f52ebc8ab50af9e68c14afc2f36084877a0';
