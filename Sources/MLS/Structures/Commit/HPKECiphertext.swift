import TLSCodec

/// `HPKECiphertext` (RFC 9420 §12.4.1): an HPKE KEM output and the sealed ciphertext.
public struct HPKECiphertext: Hashable, Sendable, TLSCodable {
    public var kemOutput: [UInt8]
    public var ciphertext: [UInt8]

    public init(kemOutput: [UInt8], ciphertext: [UInt8]) {
        self.kemOutput = kemOutput
        self.ciphertext = ciphertext
    }

    public init(from reader: inout TLSReader) throws {
        kemOutput = try reader.readOpaque("kem_output")
        ciphertext = try reader.readOpaque("ciphertext")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(kemOutput)
        writer.writeOpaque(ciphertext)
    }
}
