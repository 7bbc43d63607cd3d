/// What the witness answers one request with (c2sp.org/tlog-witness): a status, and a short text body.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]

    public init(status: Int, contentType: String = "text/plain; charset=utf-8", body: String = "") {
        self.status = status
        self.contentType = contentType
        self.body = Array(body.utf8)
    }

    /// The reason phrase of the statuses the witness uses.
    var phrase: String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 422: "Unprocessable Content"
        case 431: "Request Header Fields Too Large"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        default: "Internal Server Error"
        }
    }

    /// The whole response as it goes on the wire; every connection is closed after one response.
    var bytes: [UInt8] {
        var head = "HTTP/1.1 \(status) \(phrase)\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
        if status == 405 { head += "Allow: POST\r\n" }
        head += "Connection: close\r\n\r\n"
        return Array(head.utf8) + body
    }
}

/// The one thing the witness's HTTP endpoint does: take the body of a `POST /add-checkpoint`.
public protocol AddCheckpointHandler: Sendable {
    func addCheckpoint(_ body: [UInt8]) async -> HTTPResponse
}
