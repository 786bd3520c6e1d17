import socket

import pytest


def test_netwerkverbinding_laat_de_test_falen() -> None:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(AssertionError, match="netwerkverbinding"):
            s.connect(("127.0.0.1", 9))
    finally:
        s.close()


def test_unix_sockets_blijven_mogelijk() -> None:
    a, b = socket.socketpair()
    a.sendall(b"x")
    assert b.recv(1) == b"x"
    a.close()
    b.close()
