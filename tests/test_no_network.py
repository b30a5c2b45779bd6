"""The app works offline, and the suite proves it: no test may open a network socket."""

import socket

import pytest

BLOCKED = "A test tried to use socket"  # pytest-socket's words (its warning is an error here)


def test_a_network_socket_fails_the_test():
    with pytest.raises(Exception, match=BLOCKED):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(Exception, match=BLOCKED):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)  # TEST-NET: never reached
    with pytest.raises(Exception, match=BLOCKED):
        socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)


def test_a_local_unix_socket_still_works():
    left, right = socket.socketpair(socket.AF_UNIX)
    with left, right:
        left.sendall(b"ok")
        assert right.recv(2) == b"ok"
