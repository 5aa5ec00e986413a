package dev.socknotes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Two connected blocking {@link SocketChannel}s over 127.0.0.1, the NIO counterpart of
 * {@link Loopback#javaPair()}. The ports are remembered at creation, so the connection's state can
 * still be looked up after the channels are closed.
 */
public record ChannelPair(SocketChannel client, SocketChannel server, int clientPort, int serverPort)
        implements AutoCloseable {

    /** Connects a new pair; the listening channel is closed once it accepted. */
    public static ChannelPair open() {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            SocketChannel client = SocketChannel.open(listener.getLocalAddress());
            SocketChannel server = listener.accept();
            return new ChannelPair(client, server, port(client), port(server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(SocketChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    public String clientState() {
        return TcpState.describe(clientPort, serverPort);
    }

    public String serverState() {
        return TcpState.describe(serverPort, clientPort);
    }

    /** Closes both channels (closing a closed channel does nothing). */
    @Override
    public void close() throws IOException {
        client.close();
        server.close();
    }
}
