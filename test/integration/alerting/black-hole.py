"""A TCP port that stays silent: it listens, fills its own accept queue and never accepts, so the kernel
drops every further SYN (no answer, no refusal) — a host that vanished, on loopback, without privileges."""
import socket
import sys
import time

port = int(sys.argv[1])
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(0)
fillers = []
for _ in range(4):
    c = socket.socket()
    c.setblocking(False)
    c.connect_ex(("127.0.0.1", port))
    fillers.append(c)
time.sleep(0.5)
print("ready", flush=True)
time.sleep(3600)
