import Foundation
import FSLKernel

extension ScenarioReader {
    /// Reads `"demand_trace": {"file": "orders.csv"}`: historical orders replayed exactly. The
    /// path is relative to the scenario file. Columns (header required, any order):
    /// `timestamp` (ISO 8601 with zone), `site`, `part`, `quantity` (≥ 1, default 1),
    /// `urgency` (`urgent` or `routine`, default `urgent`). Problems are reported with the CSV
    /// file and line; orders outside the horizon are rejected, and rows are sorted by time
    /// (stable, so equal times keep file order).
    func readDemandTrace(_ node: JSONNode?, scenarioFile: String) -> [TracedOrder] {
        guard let object = node?.object(keys: ["file"]), let fileNode = object.required("file"),
              let relative = fileNode.nonEmptyString else { return [] }
        let base = URL(fileURLWithPath: scenarioFile).deletingLastPathComponent()
        let url = relative.hasPrefix("/") ? URL(fileURLWithPath: relative) : base.appendingPathComponent(relative)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            fileNode.report("cannot read the demand trace \(url.path); check the path (relative to the scenario file)")
            return []
        }
        let traceLog = IssueLog(file: url.path)
        let orders = parseTrace(text, log: traceLog)
        for issue in traceLog.issues { log.append(issue) }
        return orders
    }

    private func parseTrace(_ text: String, log traceLog: IssueLog) -> [TracedOrder] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else {
            traceLog.add("line 1", "is empty; the trace needs a header: timestamp,site,part,quantity,urgency")
            return []
        }
        let columns = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let known = ["timestamp", "site", "part", "quantity", "urgency"]
        for column in columns where !known.contains(column) {
            traceLog.add("line 1", "unknown column \"\(column)\"\(Spelling.didYouMean(column, among: known)); columns: \(known.joined(separator: ", "))")
        }
        guard let timeColumn = columns.firstIndex(of: "timestamp"), let siteColumn = columns.firstIndex(of: "site"),
              let partColumn = columns.firstIndex(of: "part") else {
            traceLog.add("line 1", "needs the columns timestamp, site and part (quantity and urgency are optional)")
            return []
        }
        let quantityColumn = columns.firstIndex(of: "quantity")
        let urgencyColumn = columns.firstIndex(of: "urgency")
        let formatter = ISO8601DateFormatter()
        var orders: [TracedOrder] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let where_ = "line \(offset + 1)"
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == columns.count else {
                traceLog.add(where_, "has \(fields.count) fields but the header has \(columns.count)")
                continue
            }
            guard let date = formatter.date(from: fields[timeColumn]) else {
                traceLog.add(where_, "timestamp \"\(fields[timeColumn])\" is not ISO 8601 with zone, e.g. 2026-01-05T09:30:00Z")
                continue
            }
            let time = date.timeIntervalSince(start) / 3600
            guard time >= 0, time < horizonHours else {
                traceLog.add(where_, "timestamp \(fields[timeColumn]) is outside the simulated period (clock.start to start + horizon_days)")
                continue
            }
            guard let site = siteIndex[fields[siteColumn]] else {
                traceLog.add(where_, "unknown site \"\(fields[siteColumn])\"\(Spelling.didYouMean(fields[siteColumn], among: siteIndex.keys.sorted()))")
                continue
            }
            guard let part = partIndex[fields[partColumn]] else {
                traceLog.add(where_, "unknown part \"\(fields[partColumn])\"\(Spelling.didYouMean(fields[partColumn], among: partIndex.keys.sorted()))")
                continue
            }
            var quantity = 1
            if let column = quantityColumn, !fields[column].isEmpty {
                guard let value = Int(fields[column]), value >= 1 else {
                    traceLog.add(where_, "quantity \"\(fields[column])\" must be a whole number of 1 or more")
                    continue
                }
                quantity = value
            }
            var isUrgent = true
            if let column = urgencyColumn, !fields[column].isEmpty {
                switch fields[column] {
                case "urgent", "machine_down": isUrgent = true
                case "routine": isUrgent = false
                default:
                    traceLog.add(where_, "urgency \"\(fields[column])\" must be urgent or routine")
                    continue
                }
            }
            orders.append(TracedOrder(time: time, site: site, part: part, quantity: quantity, isUrgent: isUrgent))
        }
        return orders.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }
}
