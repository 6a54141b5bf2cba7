import Foundation
import Testing
import HandbookModel
import HandbookPipeline
@testable import HandbookServe
import HandbookSite
import HandbookSource

/// `handoff serve` as a user runs it: the binary in a scratch folder, spoken
/// to with curl.
@Suite(.serialized, .tags(.server)) struct ServeTests {
    /// A running `handoff serve`; stopped with SIGINT when the test ends.
    final class Server: @unchecked Sendable {
        let process = Process()
        let port: Int
        let folder: URL
        private let output = Pipe()
        private var text = ""
        private let lock = NSLock()

        init(in folder: URL, arguments: [String] = [], environment: [String: String] = [:]) throws {
            self.folder = folder
            port = Server.freePort()
            process.executableURL = Paths.binary
            process.arguments = ["serve", "--port", String(port)] + arguments
            process.currentDirectoryURL = folder
            var env = ProcessInfo.processInfo.environment
            for (key, value) in environment { env[key] = value }
            process.environment = env
            process.standardOutput = output
            process.standardError = output
            output.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self else { return }
                self.lock.lock()
                self.text += String(decoding: data, as: UTF8.self)
                self.lock.unlock()
            }
            try process.run()
            #expect(waitFor { self.log.contains("serving http://127.0.0.1:\(self.port)/") }, "\(log)")
        }

        var log: String {
            lock.lock()
            defer { lock.unlock() }
            return text
        }

        /// Polls `condition` for up to `seconds`.
        func waitFor(_ seconds: Double = 20, _ condition: () -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition() { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return condition()
        }

        func stop() -> Int32 {
            if process.isRunning { process.interrupt() }
            process.waitUntilExit()
            output.fileHandleForReading.readabilityHandler = nil
            return process.terminationStatus
        }

        deinit { if process.isRunning { process.terminate() } }

        /// A port nothing listens on now.
        static func freePort() -> Int {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
            _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
            return Int(UInt16(bigEndian: address.sin_port))
        }

        /// `curl` against the server: status, headers and body.
        func get(_ path: String, _ extra: [String] = []) throws -> (status: Int, headers: String, body: String) {
            let run = try Run(["-s", "-i", "--path-as-is", "--max-time", "10"] + extra + ["http://127.0.0.1:\(port)\(path)"], tool: "curl")
            let parts = run.stdout.components(separatedBy: "\r\n\r\n")
            let head = parts.first ?? ""
            let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
            return (status, head, parts.dropFirst().joined(separator: "\r\n\r\n"))
        }

        func status() throws -> [String: Any] {
            let body = try get("/_handoff/status").body
            return (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:]
        }
    }

    static func scratch() throws -> Scratch {
        let scratch = try Scratch()
        _ = try scratch.copy(Paths.exampleContent, as: "content")
        return scratch
    }

    @Test func servesTheBuiltSiteWithTheLiveScriptOnly() throws {
        let scratch = try Self.scratch()
        let server = try Server(in: scratch.url)
        defer { _ = server.stop() }
        #expect(server.log.hasPrefix("built 119 files with 0 warnings in "))
        let built = try Run(["build", "--output", scratch.path("public")], in: scratch.url)
        #expect(built.status == 0)
        let page = try server.get("/roles/pm.html")
        #expect(page.status == 200)
        #expect(page.headers.contains("Content-Type: text/html; charset=utf-8"))
        let onDisk = try String(contentsOfFile: scratch.path("public/roles/pm.html"), encoding: .utf8)
        // The same bytes as build writes, with one script before </body>.
        let script = try #require(page.body.range(of: "<script id=\"handoff-live\">"))
        let end = try #require(page.body.range(of: "</script>", range: script.upperBound..<page.body.endIndex))
        #expect(String(page.body[..<script.lowerBound]) + String(page.body[end.upperBound...]) == onDisk)
        #expect(try server.get("/").body.contains("<h1>Data Product Team Handbook</h1>"))
        let css = try server.get("/style.css")
        #expect(css.headers.contains("Content-Type: text/css; charset=utf-8") && !css.body.contains("handoff-live"))
        #expect(try server.get("/heatmap.svg").headers.contains("Content-Type: image/svg+xml"))
        #expect(try server.get("/pages/img/review-flow.svg").status == 200)
        // A folder's address is its index page (pages/ has one), as static hosts serve it.
        #expect(try server.get("/pages/").body == (try server.get("/pages/index.html").body))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("content/../public-serve")))
        #expect(server.stop() == 0)
        #expect(server.log.hasSuffix("stopped\n"))
    }

    /// A portfolio's folder serves the portfolio: its overview, each
    /// handbook under its folder, the bytes build writes; an edit rebuilds.
    @Test func servesAPortfolioAndFollowsItsEdits() throws {
        let scratch = try PortfolioTests.example()
        let server = try Server(in: scratch.url)
        defer { _ = server.stop() }
        #expect(server.log.hasPrefix("built 173 files with 0 warnings in "), "\(server.log)")
        #expect(try server.get("/").body.contains("<h3><a href=\"claims/index.html\">Claims Team Handbook</a></h3>"))
        #expect(try Run(["build"], in: scratch.url).status == 0)
        let page = try server.get("/claims/roles/analyst.html")
        let script = try #require(page.body.range(of: "<script id=\"handoff-live\">"))
        let end = try #require(page.body.range(of: "</script>", range: script.upperBound..<page.body.endIndex))
        #expect(String(page.body[..<script.lowerBound]) + String(page.body[end.upperBound...])
                == (try String(contentsOfFile: scratch.path("public/claims/roles/analyst.html"), encoding: .utf8)))
        try PortfolioTests.patch(scratch, "claims/content/roles/analyst.md", "name: Claims Analyst", "name: Claims Reader")
        #expect(server.waitFor { (try? server.get("/claims/roles/analyst.html").body.contains("<h1>Claims Reader</h1>")) ?? false })
        #expect(server.stop() == 0)
    }

    @Test func refusesWhatIsNotTheSite() throws {
        let scratch = try Self.scratch()
        let server = try Server(in: scratch.url)
        defer { _ = server.stop() }
        for path in ["/../content/handbook.yaml", "/%2e%2e/%2e%2e/etc/passwd", "/roles%2fpm.html", "/roles/pm.html%00",
                     "/%c0%ae%c0%ae/etc/passwd", "/roles/", "/content/handbook.yaml", "/roles/../../etc/passwd", "/%zz"] {
            #expect(try server.get(path).status == 404, "\(path)")
        }
        #expect(try server.get("/", ["-H", "Host: evil.example"]).status == 403)
        #expect(try server.get("/", ["-H", "Host: evil.example:\(server.port)"]).status == 403)
        #expect(try server.get("/", ["-H", "Host: localhost:\(server.port)"]).status == 200)
        let post = try server.get("/", ["-X", "POST"])
        #expect(post.status == 405 && post.headers.contains("Allow: GET, HEAD"))
        let head = try server.get("/roles/pm.html", ["-I"])
        #expect(head.status == 200 && head.body.isEmpty && head.headers.contains("Cache-Control: no-cache"))
        let etag = try #require(head.headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("etag:") }).dropFirst(6)
        #expect(try server.get("/roles/pm.html", ["-H", "If-None-Match: \(etag)"]).status == 304)
        #expect(try server.get("/roles/pm.html", ["-H", "If-None-Match: \"other\""]).status == 200)
    }

    @Test func aPortInUseOrABadFolderIsExitTwo() throws {
        let scratch = try Self.scratch()
        let server = try Server(in: scratch.url)
        defer { _ = server.stop() }
        let second = try Run(["serve", "--port", String(server.port)], in: scratch.url)
        #expect(second.status == 2)
        #expect(second.stderr == "error: cannot listen on 127.0.0.1:\(server.port): the port is in use (try --port \(server.port + 1))\n")
        let missing = try Run(["serve", "--content", "nowhere"], in: scratch.url)
        #expect(missing.status == 2 && missing.stderr == "error: 'nowhere' is not a folder\n")
        let port = try Run(["serve", "--port", "0"], in: scratch.url)
        #expect(port.status == 2)
    }

    /// Both watchers: inotify, and the polling fallback (HANDOFF_WATCH=poll).
    @Test(arguments: ["inotify", "poll"]) func editsRebuildAndErrorsKeepTheLastGoodSite(watch: String) throws {
        let scratch = try Self.scratch()
        let server = try Server(in: scratch.url, environment: ["HANDOFF_WATCH": watch])
        defer { _ = server.stop() }
        let role = scratch.path("content/roles/pm.md")
        let original = try String(contentsOfFile: role, encoding: .utf8)
        try original.replacingOccurrences(of: "purpose: ", with: "purpose: Freshly edited. ").write(toFile: role, atomically: false, encoding: .utf8)
        #expect(server.waitFor { (try? server.get("/roles/pm.html").body.contains("Freshly edited.")) == true })
        #expect(server.log.contains("rebuilt in "))

        // handbook.yaml deleted (a branch switch): reported, the last good site stays.
        let yaml = scratch.path("content/handbook.yaml")
        let settings = try String(contentsOfFile: yaml, encoding: .utf8)
        try FileManager.default.removeItem(atPath: yaml)
        #expect(server.waitFor { ((try? server.status())?["errors"] as? Int) == 1 })
        #expect(try server.get("/roles/pm.html").body.contains("Freshly edited."))
        try settings.write(toFile: yaml, atomically: true, encoding: .utf8)
        #expect(server.waitFor { ((try? server.status())?["errors"] as? Int) == 0 })

        // The roles folder deleted and recreated (a checkout of another branch): errors, then recovery.
        let roles = scratch.path("content/roles")
        let saved = scratch.path("roles-saved")
        try FileManager.default.copyItem(atPath: roles, toPath: saved)
        try FileManager.default.removeItem(atPath: roles)
        #expect(server.waitFor { (((try? server.status())?["errors"] as? Int) ?? 0) > 0 })
        #expect(try server.get("/roles/pm.html").body.contains("Freshly edited."))
        try FileManager.default.copyItem(atPath: saved, toPath: roles)
        #expect(server.waitFor { ((try? server.status())?["errors"] as? Int) == 0 })
        try original.replacingOccurrences(of: "purpose: ", with: "purpose: Edited after the checkout. ").write(toFile: role, atomically: false, encoding: .utf8)
        #expect(server.waitFor { (try? server.get("/roles/pm.html").body.contains("Edited after the checkout.")) == true })

        // A template with a syntax error, then fixed.
        try FileManager.default.createDirectory(atPath: scratch.path("templates"), withIntermediateDirectories: true)
        try "<h1>{{name}}</h1>{{#agents}}\n".write(toFile: scratch.path("templates/role.mustache"), atomically: true, encoding: .utf8)
        #expect(server.waitFor {
            ((try? server.status())?["diagnostics"] as? [[String: Any]])?.first?["rule"] as? String == "template"
        })
        #expect(try server.get("/roles/pm.html").body.contains("Edited after the checkout."))
        try "<h1>{{name}}!</h1>\n".write(toFile: scratch.path("templates/role.mustache"), atomically: true, encoding: .utf8)
        #expect(server.waitFor { (try? server.get("/roles/pm.html").body.contains("<h1>Data PM!</h1>")) == true })
        #expect(((try? server.status())?["errors"] as? Int) == 0)
    }

    @Test func aBurstOfAThousandFilesIsOneRebuild() throws {
        let scratch = try Self.scratch()
        let server = try Server(in: scratch.url)
        defer { _ = server.stop() }
        for n in 0..<1000 {
            try "---\nname: Note \(n)\n---\nA note.\n".write(toFile: scratch.path("content/pages/note-\(n).md"), atomically: false, encoding: .utf8)
        }
        #expect(server.waitFor(60) { (try? server.get("/pages/note-999.html").status) == 200 })
        #expect(try server.get("/pages/note-0.html").body.contains("Note 0"))
        #expect(server.process.isRunning)
    }

    /// A headless Chromium on a served role page: an edit shows without a manual
    /// reload; a typo in a consumed context shows the overlay; the fix removes it.
    @Test(.tags(.browser), .enabled(if: ExternalTools.browser, "chromium, chromedriver or selenium is not installed (scripts/setup --test)"))
    func theBrowserFollowsEditsAndErrors() throws {
        let scratch = try Self.scratch()
        let server = try Server(in: scratch.url)
        defer { _ = server.stop() }
        let browser = try Run([Paths.packageRoot.appendingPathComponent("Tests/Browser/live_preview.py").path,
                               "http://127.0.0.1:\(server.port)/roles/architect.html", scratch.path("content")], tool: "python3")
        #expect(browser.status == 0, "\(browser.stdout)\(browser.stderr)")
        #expect(browser.stdout == """
            edit shown without a manual reload
            overlay: content/roles/architect.md:11:14: error: 'problem-brif' is consumed from 'pm', but pm produces no such context [orphaned-context-in]
            overlay gone after the fix

            """)
    }
}

/// Which `Host` names the preview answers to (DNS rebinding).
@Suite struct PreviewHostTests {
    @Test func onEveryAddressTheMachinesOwnNamesAreAllowed() {
        let machine = ["192.168.1.20", "fe80::1", "build-box", "build-box.lan"]
        let open = PreviewServer.allowedHosts(host: "0.0.0.0", port: 1313, machine: machine)
        for name in ["192.168.1.20:1313", "[fe80::1]:1313", "build-box:1313", "build-box.lan", "localhost:1313", "127.0.0.1"] {
            #expect(open.contains(name), "\(name)")
        }
        #expect(!open.contains("evil.example:1313"))
        // Listening on loopback, the network's names are not allowed.
        let loopback = PreviewServer.allowedHosts(host: "127.0.0.1", port: 1313, machine: machine)
        #expect(!loopback.contains("build-box:1313") && loopback.contains("localhost:1313"))
        // The real machine's names include its host name.
        #expect(!MachineNames.current().isEmpty)
    }
}

/// The preview serves the bytes `build` writes: both come from one pipeline
/// and one site assembler (the "Edit this page" link once differed).
@Suite struct PreviewMatchesBuildTests {
    @Test func thePreviewsSiteIsTheBuildsByteForByte() throws {
        let scratch = try Scratch()
        let content = try scratch.copy(Paths.exampleContent, as: "docs/content")
        // A repository, so that "Edit this page" links carry the content folder's path in it.
        let settings = content.appendingPathComponent("handbook.yaml")
        try (try String(contentsOf: settings, encoding: .utf8) + "repository: https://example.com/team/handbook/edit/main\n")
            .write(to: settings, atomically: true, encoding: .utf8)
        #expect(try Run(["init", "-q"], in: scratch.url, tool: "git").status == 0)

        let server = PreviewServer(options: .init(
            content: content.path, contentDisplay: "../docs/content", templates: scratch.path("docs/templates"),
            templatesDisplay: "docs/templates", host: "127.0.0.1", port: 1, limits: LoadLimits(), generator: "handoff test", editor: nil))
        let outcome = server.rebuild()
        #expect(outcome.report.errors == 0)
        let served = try #require(server.site).files

        // Run from a folder beside docs/: the content is shown as ../docs/content, and is docs/content in the repository.
        let pipeline = HandbookPipeline(content: content.path, contentDisplay: "../docs/content", renderHTML: true)
        let checked = try pipeline.run()
        let built = MemorySite()
        _ = try SiteBuilder(handbook: checked.handbook, warnings: checked.diagnostics, theme: try #require(checked.theme),
                            options: pipeline.siteOptions(generator: "handoff test", lastChanged: [:])).build(into: built)
        let differing = Set(served.keys).union(built.files.keys).filter { served[$0] != built.files[$0] }.sorted()
        #expect(differing == [])
        let role = String(decoding: try #require(served["roles/engineer.html"]), as: UTF8.self)
        #expect(role.contains("href=\"https://example.com/team/handbook/edit/main/docs/content/roles/engineer.md\""))
    }
}
