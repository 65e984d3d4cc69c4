import NIOCore

/// Turns a connection away with a reason the client prints: the SSH version line,
/// then an SSH_MSG_DISCONNECT in the clear, which the protocol allows before keys
/// are exchanged (RFC 4253 sections 6 and 11.1). OpenSSH shows it as
/// `Received disconnect from HOST port PORT:12: the server is full; ...`.
///
/// The refusal is decided as the connection is accepted, so it needs no key
/// exchange: it costs the server one write. Whatever the client sends is read and
/// dropped until it closes, or for a second at most, so that closing with
/// unread data does not reset the connection before the client has read why.
final class RefusalHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// SSH_DISCONNECT_TOO_MANY_CONNECTIONS.
    static let tooManyConnections: UInt32 = 12
    /// SSH_MSG_DISCONNECT.
    static let disconnectMessage: UInt8 = 1

    private let reason: UInt32
    private let message: String
    private var sent = false

    init(reason: UInt32 = RefusalHandler.tooManyConnections, message: String) {
        self.reason = reason
        self.message = message
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { refuse(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        refuse(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // The client's version line and key exchange offer: not needed.
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func refuse(context: ChannelHandlerContext) {
        guard !sent else { return }
        sent = true
        let bytes = Self.versionLine + Self.disconnectPacket(reason: reason, message: message)
        var buffer = context.channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in
            channel.close(mode: .output, promise: nil)
        }
        context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(1)) {
            channel.close(promise: nil)
        }
    }

    /// The version line NIOSSH itself sends, so that both read the same.
    static let versionLine = Array("SSH-2.0-SwiftNIOSSH_1.0\r\n".utf8)

    /// An unencrypted binary packet (RFC 4253 section 6) holding SSH_MSG_DISCONNECT:
    /// the reason code, the message and an empty language tag, padded with at least
    /// four bytes to a multiple of eight.
    static func disconnectPacket(reason: UInt32, message: String) -> [UInt8] {
        var payload = SSHWireWriter()
        payload.writeRaw([disconnectMessage])
        payload.writeUInt32(reason)
        payload.writeString(String(message.prefix(200)))
        payload.writeString("")
        var padding = 8 - (5 + payload.bytes.count) % 8
        if padding < 4 { padding += 8 }
        var packet = SSHWireWriter()
        packet.writeUInt32(UInt32(1 + payload.bytes.count + padding))
        packet.writeRaw([UInt8(padding)])
        packet.writeRaw(payload.bytes)
        packet.writeRaw([UInt8](repeating: 0, count: padding))
        return packet.bytes
    }
}
