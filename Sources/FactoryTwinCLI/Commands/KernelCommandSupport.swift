import ArgumentParser
import Foundation
import InferenceKernel

/// Small helpers shared by the kernel commands (generate, calibrate, bench kernel).
enum KernelCommandSupport {
    /// Writes a progress line to stderr.
    static func progress(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// The micro-kernel level this run uses, announced on stderr. An unknown or unsupported
    /// `FT_KERNEL_ISA` is an error here (exit 64) rather than the silent fallback of `KernelISA.active`.
    @discardableResult
    static func announceKernelISA() throws -> KernelISA {
        do {
            _ = try KernelISA.fromEnvironment()
        } catch let error as KernelError {
            throw ValidationError(error.description)
        }
        let isa = KernelISA.active
        let source = KernelISA.forced ? "forced by \(KernelISA.environmentVariable)" : "detected with cpuid"
        progress("kernel ISA: \(isa.rawValue), \(isa.lanes)-float lanes\(isa.fusedMultiplyAdd ? ", FMA" : "") (\(source); "
                 + "this CPU runs \(KernelISA.available.map(\.rawValue).joined(separator: ", ")))")
        return isa
    }

    /// Parses `1,2,4` into positive integers.
    static func parseList(_ text: String, name: String) throws -> [Int] {
        let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) >= 1 }) else {
            throw ValidationError("\(name) must be a comma-separated list of integers ≥ 1, got '\(text)'")
        }
        return values.map { $0! }
    }

    /// Pretty-printed JSON with sorted keys.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
