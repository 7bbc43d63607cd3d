extension Catalogue {
    private static let quantityForm = Wording(
        zh: "正数，用半角数字，最多 3 位小数，不加分隔符（如 2 或 1.5）",
        en: "a positive decimal in ASCII digits with at most 3 decimals and no separators (e.g. 2 or 1.5)")

    private static let timeForms = Wording(
        zh: "可写 ISO 8601 格式如 2026-12-20T12:00:00+08:00（或 Z、+0800，可带小数秒），2026-12-20T12:00 或 "
            + "2026-12-20 12:00:00（北京时间，UTC+8），或 2026-12-20（当天结束时，即 23:59:59）",
        en: "use ISO 8601 such as 2026-12-20T12:00:00+08:00 (or Z, +0800, fractional seconds), 2026-12-20T12:00 or "
            + "2026-12-20 12:00:00 (China time, UTC+8), or 2026-12-20 (the end of that day, 23:59:59)")

    private static func quantity(_ zh: String, _ en: String) -> Wording {
        Wording(zh: "数量“{quantity}”\(zh)：请写\(quantityForm.zh)", en: "quantity \"{quantity}\" \(en): write \(quantityForm.en)")
    }

    private static func time(_ zh: String, _ en: String) -> Wording {
        Wording(zh: "“{text}”不是有效时间（\(zh)）；\(timeForms.zh)", en: "\"{text}\" is not a valid time (\(en)); \(timeForms.en)")
    }

    /// Refusals of typed values (``PropertyLedger/Reason/inputReasons``).
    static let input: [String: Wording] = [
        "field-empty": .init(zh: "{field}为空：请填写", en: "{field} is empty: give a value"),
        "identifier-invalid": .init(
            zh: "{field}“{value}”须为 1–64 个半角字母、数字、“-”“_”或“.”",
            en: "{field} \"{value}\" must be 1–64 ASCII letters, digits, '-', '_' or '.'"),
        "text-empty": .init(zh: "{field}为空：请填写 1–{limit} 个字", en: "{field} is empty: give 1–{limit} characters"),
        "text-too-long": .init(
            zh: "{field}有 {count} 个字：最多 {limit} 个",
            en: "{field} has {count} characters: at most {limit} are allowed"),
        "count-invalid": .init(
            zh: "{field}“{value}”须为不小于 1 的整数，用半角数字（如 2）",
            en: "{field} \"{value}\" must be a whole number of at least 1, in ASCII digits (e.g. 2)"),
        "invisible-character": .init(
            zh: "{field}含有不可见字符或控制字符（{character}）：请去掉该字符后重新输入",
            en: "{field} contains an invisible or control character ({character}): retype it without that character"),
        "personal-number": .init(
            zh: "{field}中似乎有{number}；个人号码永远不写入永久记录：请删去",
            en: "{field} seems to contain a {number} number; personal numbers are never written to the permanent log: leave it out"),
        "quantity-empty": quantity("为空", "is empty"),
        "quantity-not-decimal": quantity("不是普通的十进制数", "is not a plain decimal number"),
        "quantity-half-number": quantity("小数点一侧没有数字", "has no digit on one side of the point"),
        "quantity-too-precise": quantity("超过 3 位小数", "has more than 3 decimals"),
        "quantity-too-large": quantity("超过 999999999.999", "is more than 999999999.999"),
        "quantity-not-positive": quantity("不大于 0", "is not greater than 0"),
        "quantity-grouped": .init(
            zh: "数量“{quantity}”含千位分隔符：请写 {suggestion}（不加分隔符）",
            en: "quantity \"{quantity}\" has a thousands separator: write {suggestion} (no separators)"),
        "chip-uid-invalid": .init(
            zh: "芯片 UID“{uid}”须为 4–32 字节的十六进制数（如 04A1B2C3D4E580）",
            en: "chip UID \"{uid}\" must be 4–32 bytes of hex (e.g. 04A1B2C3D4E580)"),
        "photo-digest-invalid": .init(
            zh: "照片摘要“{digest}”须为 64 位十六进制数（SHA-256）",
            en: "photo digest \"{digest}\" must be 64 hex digits (SHA-256)"),
        "agency-code-invalid": .init(
            zh: "单位代码“{code}”须为 1–32 个半角字母、数字或“-”",
            en: "agency code \"{code}\" must be 1–32 ASCII letters, digits or '-'"),
        "agency-name-invalid": .init(
            zh: "单位名称须为 1–200 个字，不含控制字符",
            en: "agency name must be 1–200 characters without control characters"),
        "agency-zone-unknown": .init(
            zh: "没有“{zone}”这个时区：请用 IANA 时区名，例如 Asia/Shanghai",
            en: "there is no time zone \"{zone}\": give an IANA zone name such as Asia/Shanghai"),
        "agency-language-invalid": .init(
            zh: "“{language}”不是语言代码：默认语言须为 zh（中文）或 en（英文）",
            en: "\"{language}\" is not a language code: the default language is zh (Chinese) or en (English)"),

        "time-empty": time("为空", "empty"),
        "time-no-date": time("日期应写作 YYYY-MM-DD", "expected a date as YYYY-MM-DD"),
        "time-year-out-of-range": time("年份 {year} 不在 1990 到 2100 之间", "the year {year} is not between 1990 and 2100"),
        "time-no-such-month": time("没有 {month} 月", "there is no month {month}"),
        "time-no-such-day": time("{month} 没有 {day} 日", "day {day} does not exist in {month}"),
        "time-no-separator": time("日期后应为 T 或空格", "expected T or a space after the date"),
        "time-no-clock": time("时间应写作 HH:MM 或 HH:MM:SS", "expected a time as HH:MM or HH:MM:SS"),
        "time-no-seconds": time("秒应为两位数字", "expected seconds as two digits"),
        "time-no-fraction": time("小数点后应有数字", "expected digits after the decimal point"),
        "time-no-such-hour": time("没有 {hour} 时；一天到 23:59:59 结束", "there is no hour {hour}; the day ends at 23:59:59"),
        "time-no-such-minute": time("没有 {minute} 分", "there is no minute {minute}"),
        "time-no-such-second": time("没有 {second} 秒", "there is no second {second}"),
        "time-junk-after-time": time("时间后多出“{rest}”", "unexpected \"{rest}\" after the time"),
        "time-no-offset": time("时区偏移应写作 ±HH:MM、±HHMM 或 ±HH", "expected an offset as ±HH:MM, ±HHMM or ±HH"),
        "time-no-offset-minutes": time("时区偏移应写作 ±HH:MM", "expected an offset as ±HH:MM"),
        "time-offset-out-of-range": time("时区偏移须在 -14:00 到 +14:00 之间", "offsets go from -14:00 to +14:00"),
        "time-junk-at-end": time("末尾多出“{rest}”", "unexpected \"{rest}\" at the end"),
    ]
}
