#if canImport(Glibc)
import Glibc
#endif

/// A request path matched against the in-memory site only: percent-decoded
/// strictly, then refused when it holds a NUL, an encoded slash, bytes that
/// are not UTF-8 (overlong forms included), or a `.`/`..` segment. `/` is the
/// overview; there are no directory listings.
enum SitePath {
    static func resolve(_ raw: String) -> String? {
        guard raw.hasPrefix("/") else { return nil }
        var bytes: [UInt8] = []
        let source = Array(raw.utf8)
        var i = 0
        while i < source.count {
            let byte = source[i]
            if byte == UInt8(ascii: "%") {
                guard i + 2 < source.count, let value = UInt8(String(decoding: source[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) else { return nil }
                // An encoded slash or NUL never names a file here.
                guard value != UInt8(ascii: "/"), value != UInt8(ascii: "\\"), value != 0 else { return nil }
                bytes.append(value)
                i += 3
                continue
            }
            guard byte != 0, byte != UInt8(ascii: "\\") else { return nil }
            bytes.append(byte)
            i += 1
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        if segments.isEmpty { return "index.html" }
        // A folder's address is its index page, as static hosts serve it.
        guard !decoded.hasSuffix("/") else { return segments.joined(separator: "/") + "/index.html" }
        return segments.joined(separator: "/")
    }
}

/// The `Content-Type` of a site file, by extension.
enum ContentType {
    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "pdf": "application/pdf", "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
        "csv": "text/csv; charset=utf-8", "xml": "application/xml", "woff": "font/woff", "woff2": "font/woff2",
        "ttf": "font/ttf", "otf": "font/otf", "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg",
        "wasm": "application/wasm", "zip": "application/zip",
    ]

    static func of(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "application/octet-stream" }
        return types[path[path.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}

/// Every file under some folders with its size, modification time and inode:
/// two snapshots differ when a file was created, changed, renamed or deleted.
struct FolderSnapshot: Equatable {
    struct Stamp: Equatable {
        var size: Int
        var modified: Int
        var inode: UInt
    }

    var entries: [String: Stamp] = [:]

    static func take(_ folders: [String]) -> FolderSnapshot {
        var snapshot = FolderSnapshot()
        for folder in folders { snapshot.walk(folder, depth: 0) }
        return snapshot
    }

    private mutating func walk(_ folder: String, depth: Int) {
        guard depth < 32, let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                entries[path + "/"] = Stamp(size: 0, modified: 0, inode: UInt(info.st_ino))
                if !name.hasPrefix(".") { walk(path, depth: depth + 1) }
            } else {
                entries[path] = Stamp(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec),
                                      inode: UInt(info.st_ino))
            }
        }
    }
}

/// The one script served pages get (before `</body>`): it listens to
/// `/_handoff/events`, reloads (keeping the scroll position) when a new site
/// is built, and shows the diagnostics: errors in an overlay, warnings as a
/// badge that opens the same list.
enum LiveScript {
    static let script = #"""
<script id="handoff-live">(function(){
var key="handoff-scroll:"+location.pathname,y=sessionStorage.getItem(key);
if(y!==null){sessionStorage.removeItem(key);window.scrollTo(0,+y);}
var built=null,box=null,badge=null;
function el(t,s,x){var e=document.createElement(t);if(s)e.setAttribute("style",s);if(x!==undefined)e.textContent=x;return e;}
function list(s,open){
 if(box){box.remove();box=null;}
 var errors=s.diagnostics.filter(function(d){return d.severity==="error";});
 if(!open&&errors.length===0)return;
 box=el("div","position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.92);color:#fff;font:14px/1.5 ui-monospace,Menlo,monospace;overflow:auto;padding:2rem;");
 box.id="handoff-overlay";box.setAttribute("role","alertdialog");box.setAttribute("aria-label","handoff diagnostics");
 var h=el("p","font-weight:bold;margin:0 0 1rem;",errors.length?"The handbook has errors: this is the last good build.":"Warnings");
 box.appendChild(h);
 (open?s.diagnostics:errors).forEach(function(d){
  var p=el("pre","white-space:pre-wrap;margin:0 0 .8rem;");
  if(d.href){var a=el("a","color:#8cf;",d.location);a.href=d.href;p.appendChild(a);p.appendChild(document.createTextNode(d.text.slice(d.location.length)));}
  else p.textContent=d.text;
  d.notes.forEach(function(n){p.appendChild(document.createTextNode("\n  "+n));});
  box.appendChild(p);});
 box.appendChild(el("p","margin-top:1rem;color:#ccc;",s.summary));
 if(!errors.length){var c=el("button","margin-top:1rem;","Close");c.onclick=function(){box.remove();box=null;};box.appendChild(c);}
 document.body.appendChild(box);}
function show(s){
 list(s,false);
 if(badge){badge.remove();badge=null;}
 if(s.errors===0&&s.warnings>0){badge=el("button","position:fixed;right:1rem;bottom:1rem;z-index:2147483646;background:#ffd24d;color:#222;border:0;border-radius:999px;padding:.3rem .8rem;font:13px system-ui,sans-serif;cursor:pointer;",s.warnings+(s.warnings===1?" warning":" warnings"));badge.id="handoff-warnings";badge.onclick=function(){list(s,true);};document.body.appendChild(badge);}}
function check(){fetch("/_handoff/status",{cache:"no-store"}).then(function(r){return r.json();}).then(function(s){
 if(built!==null&&s.built!==built){sessionStorage.setItem(key,String(window.scrollY));location.reload();return;}
 built=s.built;show(s);}).catch(function(){});}
new EventSource("/_handoff/events").onmessage=check;check();
})();</script>
"""#

    static let bytes = Array(script.utf8)
    static let bodyEnd = Array("</body>".utf8)

    /// The page with the script before its last `</body>` (at the end when it has none).
    static func inject(into page: [UInt8]) -> [UInt8] {
        var index = page.count - bodyEnd.count
        while index >= 0 {
            if page[index] == bodyEnd[0], page[index..<(index + bodyEnd.count)].elementsEqual(bodyEnd) { break }
            index -= 1
        }
        let at = index >= 0 ? index : page.count
        var out: [UInt8] = []
        out.reserveCapacity(page.count + bytes.count)
        out += page[..<at]
        out += bytes
        out += page[at...]
        return out
    }
}

/// This machine's addresses (every interface's IPv4 and IPv6 address) and
/// host names (`gethostname`, and its fully qualified form when the
/// resolver knows one): what a browser on the network may put in `Host`.
enum MachineNames {
    static func current() -> [String] {
        var names: [String] = []
        var buffer = [CChar](repeating: 0, count: 256)
        if gethostname(&buffer, buffer.count) == 0 {
            let name = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            if !name.isEmpty { names.append(name) }
            var hints = addrinfo()
            hints.ai_flags = AI_CANONNAME
            var result: UnsafeMutablePointer<addrinfo>?
            if getaddrinfo(name, nil, &hints, &result) == 0, let first = result {
                if let canonical = first.pointee.ai_canonname { names.append(String(cString: canonical)) }
                freeaddrinfo(first)
            }
        }
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let head = list else { return names }
        defer { freeifaddrs(head) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = head
        while let entry = cursor {
            if let address = entry.pointee.ifa_addr {
                let family = Int32(address.pointee.sa_family)
                if family == AF_INET || family == AF_INET6 {
                    var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                    let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
                    if getnameinfo(address, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                        var text = host.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
                        if let zone = text.firstIndex(of: "%") { text = String(text[..<zone]) } // fe80::1%eth0
                        names.append(text)
                    }
                }
            }
            cursor = entry.pointee.ifa_next
        }
        return Array(Set(names)).sorted()
    }
}
