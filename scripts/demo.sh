#!/usr/bin/env bash
# A walk-through of the custody log on a fresh store in a temporary directory: each step is printed as a
# user would type it. Run it with `make demo` (the language the locale chooses, Chinese when none does), or
# `LEDGER_LANG=en make demo` / `LEDGER_LANG=zh make demo`.
set -euo pipefail

LEDGER_BIN=${LEDGER_BIN:-.build/debug/ledger}
# The simulated smart cabinet (a vendor's adapter speaking the cabinet protocol to `ledger cabinet hook`).
LEDGER_SIM_BIN=${LEDGER_SIM_BIN:-$(dirname "$LEDGER_BIN")/ledger-cabinet-sim}
demo_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ledger-demo.XXXXXX")
# A login agent the demo started ends with it, even when a step fails.
demo_agent=""
trap '[ -z "$demo_agent" ] || "$LEDGER_BIN" logout --actor 000004 > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
export LEDGER_STORE="$work/ledger.db"
cd "$work"

ledger() { "$LEDGER_BIN" "$@"; }

# The walk-through speaks the language the ledger itself chooses, and forces none: LEDGER_LANG, else LC_ALL,
# LC_MESSAGES, LANG (the first that is set decides; zh… is Chinese, anything else English); none, C or POSIX
# is Chinese, the default of the demo's store. `LEDGER_LANG=en make demo` walks the same case in English.
demo_language() {
    local value
    for value in "${LEDGER_LANG:-}" "${LC_ALL:-}" "${LC_MESSAGES:-}" "${LANG:-}"; do
        [ -n "$value" ] || continue
        value=${value%%[.@]*}
        case "$value" in
            "" | C | POSIX | [Zz][Hh]*) echo zh ;;
            *) echo en ;;
        esac
        return
    done
    echo zh
}
DEMO_LANG=$(demo_language)
# say CHINESE ENGLISH: a heading in the chosen language; say_plain: a plain line.
say() { if [ "$DEMO_LANG" = zh ]; then printf '\n\033[1m# %s\033[0m\n' "$1"; else printf '\n\033[1m# %s\033[0m\n' "$2"; fi; }
say_plain() { if [ "$DEMO_LANG" = zh ]; then echo "$1"; else echo "$2"; fi; }
# Prints the command as a user would type it (arguments with spaces quoted), then runs it.
run() {
    local shown="" arg
    for arg in "$@"; do
        case "$arg" in *[[:space:]]*) shown+=" \"$arg\"" ;; *) shown+=" $arg" ;; esac
    done
    printf '$%s\n' "$shown"
    "$@"
}

say "县级公安机关建立台账（默认使用 SM3 + SM2）。第 0 条记录写明由谁管理，以及单位的时区和默认语言。本演示用的是培训台账（--signatures optional），以便每一步只讲一件事；正式台账默认要求签名，见演示末尾。" \
    "A county police bureau creates its ledger (SM3 + SM2 by default). Entry 0 records who runs it. This walk-through uses a training store (--signatures optional) so that each step shows one thing; a real store requires signatures by default, shown at the end."
run ledger init --agency-code 370305 --agency-name 淄博市公安局临淄分局 --kind police --signatures optional

say "人员：一名审批领导（第一位民警无需 --actor）、两名办案民警和一名涉案财物管理员。" \
    "People: a supervisor (the first officer needs no --actor), two case officers and a property clerk."
run ledger officer add 000001 --name 魏江 --role supervisor --unit 法制大队
export LEDGER_ACTOR=000001
printf '$ export LEDGER_ACTOR=000001\n'
run ledger officer add 000002 --name 李明 --role officer --unit 刑侦大队
run ledger officer add 000003 --name 王强 --role officer --unit 刑侦大队
run ledger officer add 000004 --name 张丽 --role clerk --unit 涉案财物管理中心
run ledger officer list

say "地点：涉案财物保管室及室内的一台智能柜（由管理员添加）。" \
    "Places: the property room and a smart cabinet in it (the clerk adds them)."
run ledger location add ROOM-1 --kind room --name 涉案财物保管室 --actor 000004
run ledger location add CAB-01 --kind cabinet --parent ROOM-1 --name 智能柜01 --actor 000004

say "自行车被盗案：办案民警立案，并登记扣押的涉案财物。" \
    "A bicycle theft (自行车被盗案): the case officer opens the case and registers what was seized."
CASE=A3703210500002026110001
run ledger case open $CASE --kind criminal --title 自行车被盗案 --property-crime --actor 000002
printf '$ ledger item register --case %s --name 自行车 --quantity 1 --unit 辆 --features "黑色 山地车" --seized-by 000002,000003 --json --actor 000002\n' $CASE
BIKE=$(ledger item register --case $CASE --name 自行车 --quantity 1 --unit 辆 --features "黑色 山地车" --seized-by 000002,000003 --json --actor 000002 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "  → $BIKE"
printf '$ ledger item register --case %s --name 断线钳 --quantity 1 --unit 把 --seized-by 000002,000003 --json --actor 000002\n' $CASE
CUTTER=$(ledger item register --case $CASE --name 断线钳 --quantity 1 --unit 把 --seized-by 000002,000003 --json --actor 000002 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "  → $CUTTER"
printf '$ ledger dossier register --case %s --volume 1 --volumes 1 --pages 57 --json --actor 000002\n' $CASE
DOSSIER=$(ledger dossier register --case $CASE --volume 1 --volumes 1 --pages 57 --json --actor 000002 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "  → $DOSSIER"

say "管理员为每件财物绑定芯片并入库到智能柜（保管由管理员负责，不由办案民警负责）。" \
    "The clerk binds a chip to each and checks them into the cabinet (custody is the clerk's, not the case officer's)."
export LEDGER_ACTOR=000004
printf '$ export LEDGER_ACTOR=000004\n'
run ledger chip bind $BIKE 04A1B2C3D4E580
run ledger chip bind $CUTTER 04A1B2C3D4E581
run ledger chip bind $DOSSIER E0040150A1B2C3D4
run ledger checkin $BIKE --to CAB-01
run ledger checkin $CUTTER --to CAB-01
run ledger checkin $DOSSIER --to CAB-01

say "打印标签（一物一码）：自行车的 40×30 mm 标签，SVG 供办公打印机和浏览器，PNG 为热敏打印机的 1 位点阵；ZPL 直接发送斑马打印机。二维码内容为 PL1:编号，不含个人信息。" \
    "Labels (一物一码): the bicycle's 40×30 mm tag as SVG for office printers and browsers and as the thermal printer's 1-bit PNG; ZPL goes straight to a Zebra printer. The QR holds PL1:ID, no personal data."
run ledger label $BIKE --out "$work/bike-label.svg"
run ledger label $BIKE --format png --out "$work/bike-label.png"
run ledger label --case $CASE --format zpl --out "$work/case-labels.zpl"
if command -v zbarimg > /dev/null; then
    say_plain "独立的解码器 zbarimg 读回 PNG 上的 Code 128 和二维码：" "An independent decoder, zbarimg, reads the PNG's Code 128 and QR back:"
    run zbarimg --nodbus -q "$work/bike-label.png" 2> /dev/null
fi
# The demo's directory is removed when it ends: keep the labels where they can be opened afterwards.
for label in bike-label.svg bike-label.png; do cp "$work/$label" "${TMPDIR:-/tmp}/ledger-demo-$label"; done
say_plain "标签已另存为 ${TMPDIR:-/tmp}/ledger-demo-bike-label.svg 和 .png。" \
    "The labels are kept at ${TMPDIR:-/tmp}/ledger-demo-bike-label.svg and .png."

say "自行车经领导审批出库送鉴定，三天后中午 12 点（单位所在时区，北京时间）前归还。" \
    "The bicycle goes out for appraisal, approved by the supervisor, due back in three days at noon China time."
# A local time, read in the agency's zone (Asia/Shanghai, the default of `init --zone`; TZ=UTC-8 is POSIX for UTC+8).
DUE="$(TZ=UTC-8 date -d '+3 days' +%F) 12:00"
say "先试运行（--dry-run）：同样的规则，显示将记录的内容，不写入任何数据。" \
    "First a dry run: the same rules, what it would record, and nothing written."
run ledger checkout chip:04A1B2C3D4E580 --to 000002 --reason appraisal --approved-by 000001 --due "$DUE" --dry-run
run ledger checkout chip:04A1B2C3D4E580 --to 000002 --reason appraisal --approved-by 000001 --due "$DUE"
run ledger list --status checked-out
say "规则生效：领用人不能审批自己的出库（退出状态 2，不写入任何数据）。" \
    "A rule at work: the recipient cannot approve his own check-out (exit status 2, nothing written)."
status=0; run ledger checkout $CUTTER --to 000001 --reason court --approved-by 000001 --due "$DUE" || status=$?
say_plain "（退出状态 $status）" "(exit status $status)"
run ledger return $BIKE --to CAB-01 --condition 完好

say "更正：登记时漏记了车架号。原值仍保留在台账中。" \
    "A correction: the registration missed the frame number. The old value stays in the log."
REG=$(ledger history $BIKE --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["entries"][0]["index"])')
run ledger correct $REG --field features --value "黑色 山地车 车架号 WX2026110001" --reason 登记时漏记车架号

say "财物现在何处，以及完整的保管链，每条记录都附有对最新检查点的包含证明。" \
    "Where is it, and its whole chain of custody, each entry with an inclusion proof against the latest checkpoint."
run ledger show chip:04A1B2C3D4E580
run ledger history $BIKE --proof
run ledger list --location ROOM-1
run ledger rebuild --check

say "键盘模拟式读卡器逐个输入 UID 并回车：管理员的扫描界面显示每个标签对应的财物。" \
    "A keyboard-wedge reader types each UID and Enter: the clerk's scan loop shows what each tag is."
printf '$ printf "04A1B2C3D4E580\\nDEADBEEF\\n" | ledger scan --reader stdin\n'
printf '04A1B2C3D4E580\nDEADBEEF\n' | ledger scan --reader stdin

say "智能柜盘点：管理员逐件扫描在柜财物；断线钳未找到。盘点结果记入台账。" \
    "Stocktake of the cabinet: the clerk presents what is there; the cutter is not found. Recorded in the log."
printf '$ printf "04A1B2C3D4E580\\nE0040150A1B2C3D4\\n" | ledger audit CAB-01 --reader stdin\n'
printf '04A1B2C3D4E580\nE0040150A1B2C3D4\n' | ledger audit CAB-01 --reader stdin

say "公开的验证公钥，一次性交给检察院和法院。" \
    "The public verifier key, handed to the procuratorate and the court once."
printf '$ ledger key > agency.vkey\n'; ledger key > agency.vkey; cat agency.vkey

say "自行车登记记录的回执及该记录的原始字节：这是其他单位收到的内容。" \
    "A receipt for the bicycle's registration, and the entry's exact bytes: what another agency receives."
printf '$ ledger prove %s > registration.tlog-proof\n' $REG; ledger prove $REG > registration.tlog-proof; cat registration.tlog-proof
printf '$ ledger entry %s > registration.entry\n' $REG; ledger entry $REG > registration.entry; cat registration.entry; echo

say "接收单位离线核验，无需访问我们的数据库。" \
    "The receiving agency checks it offline, with no access to our database."
(unset LEDGER_STORE; run ledger prove --check registration.tlog-proof --entry registration.entry --key agency.vkey)

say "全面核验：重新计算每条记录、每个树节点、每个检查点和签名。" \
    "The full audit: every entry, tree node, checkpoint and signature recomputed."
run ledger verify

say "有人直接修改数据库文件（这里改的是副本），把自行车归还时的状况改成“损坏”。" \
    "Someone edits the database file directly (here, a copy of it) to say the bicycle came back damaged."
cp ledger.db tampered.db; cp ledger.db.key tampered.db.key; cp ledger.db.checkpoint tampered.db.checkpoint
python3 - <<'PY'
import sqlite3
db = sqlite3.connect("tampered.db")
db.execute("DROP TRIGGER log_entries_no_update")
db.execute("UPDATE log_entries SET bytes = CAST(replace(CAST(bytes AS TEXT), '完好', '损坏') AS BLOB) WHERE CAST(bytes AS TEXT) LIKE '%完好%'")
db.commit()
PY
printf '$ ledger verify --store tampered.db\n'
status=0; ledger verify --store tampered.db || status=$?
say_plain "（退出状态 $status：核验失败，并指出被篡改的记录）" "(exit status $status: verification failed, and it names the entry)"
[ "$status" -eq 1 ]

say "案卷集中保管：管理员添加案管中心，即集中保管未破案件案卷的位置（--central）。" \
    "Central storage: the clerk adds the case management centre (案管中心), where dossiers of unsolved cases are kept (--central)."
run ledger location add CENTRAL --kind room --name 案管中心 --central

say "自行车被盗案至今未破，也没有实质性进展（从未记录 case progress）；案卷 $DOSSIER 仍在智能柜 CAB-01，不在集中保管位置。一个月期满须移交案管中心：" \
    "The bicycle theft is still unsolved, with no substantive progress (no case progress recorded); its dossier $DOSSIER lies in cabinet CAB-01, not in central storage. A month on, it must go to the centre:"
run ledger show $DOSSIER
run ledger due

# A month and a few days from today, at nine in the morning China time.
AS_OF="$(TZ=UTC-8 date -d '+1 month +3 days' +%F) 09:00"
say "一个月零三天后仍无进展会怎样：--as-of 只拨动时钟，按那时评定期限，不写入任何内容。案卷已超期，亮红牌。" \
    "What a month and three days without progress will bring: --as-of moves only the clock, grades the deadlines then, and writes nothing. The dossier is overdue: red."
run ledger due --as-of "$AS_OF"

say "那一天的移交集中保管清单：须移交案管中心的案卷，现在何处、由谁保管。" \
    "That day's transfer list to central storage: each dossier that must go to the centre, where it is now and who holds it."
run ledger dossier sweep --as-of "$AS_OF" --to CENTRAL

say "案卷送达案管中心后，管理员登记移交（演示不能等一个月，故用 --as-of 指明清单的日期）：一个事务，每条移库记录都注明所依据的规则。" \
    "Once the dossiers have arrived, the clerk at the centre records the moves (the demo cannot wait a month, so --as-of names the list's day): one transaction, each move naming its rule."
run ledger dossier sweep --record --to CENTRAL --as-of "$AS_OF"
run ledger history $DOSSIER

say "集中保管的案卷只能经审批调用出库才能离开案管中心：直接移走被拒绝（退出状态 2，不写入任何数据）。" \
    "A dossier held in central storage leaves it only by an approved check-out: moving it out is refused (exit status 2, nothing written)."
status=0; run ledger move $DOSSIER --to CAB-01 || status=$?
say_plain "（退出状态 $status）" "(exit status $status)"
[ "$status" -eq 2 ]

say "当日的每日执法问题通报：按办案单位列出超期和不规范的事项（这里是盘点差异和当日更正），并写明所依据的日志检查点，供日后核对。" \
    "The day's problem bulletin: what is overdue or irregular, unit by unit (here the stocktake's finding and the day's correction), with the log checkpoint it was computed from, to check it later."
run ledger bulletin
say "同一通报的 HTML 文件：单个自包含文件，可在 A4 纸上打印，默认中文。" \
    "The same bulletin as HTML: one self-contained file, printable on A4, in Chinese unless a language is chosen."
run ledger bulletin --format html --out "$work/bulletin.html"
# The demo's directory is removed when it ends: keep a copy of the HTML where it can be opened afterwards.
kept="${TMPDIR:-/tmp}/ledger-demo-bulletin.html"
cp "$work/bulletin.html" "$kept"
say_plain "演示目录在结束时删除；HTML 通报已另存为 $kept，可用浏览器打开或打印。" \
    "The demo's directory is removed at the end; the HTML bulletin is kept at $kept, to open in a browser or print."

say "智能柜：柜子 CAB-02 有两个柜格，存放本案的手机、钱包和另外四件物证，每件都有芯片。民警李明的警务卡绑定到他本人。" \
    "A smart cabinet: CAB-02 has two slots holding the case's phone, wallet and four more items, each with its chip. Officer 李明's police card is bound to him."
run ledger location add CAB-02 --kind cabinet --parent ROOM-1 --name 智能柜02 --actor 000004
run ledger location add CAB02-A1 --kind slot --parent CAB-02 --name "A1 格" --actor 000004
run ledger location add CAB02-A2 --kind slot --parent CAB-02 --name "A2 格" --actor 000004
sim_tags=()
n=0
for name in 手机 钱包 手表 耳机 充电器 身份证复印件; do
    n=$((n + 1))
    id=$(ledger item register --case $CASE --name "$name" --quantity 1 --unit 件 --seized-by 000002,000003 --actor 000002 --json \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    slot=CAB02-A$(( (n + 1) % 2 + 1 ))
    ledger chip bind "$id" "04C1000$n" --actor 000004 > /dev/null
    ledger checkin "$id" --to "$slot" --actor 000004 > /dev/null
    sim_tags+=(--tag "$slot=04C1000$n")
    [ $n -eq 1 ] && PHONE=$id
    [ $n -eq 2 ] && WALLET=$id
done
say_plain "（已登记 6 件物证并放入 CAB-02：手机 $PHONE、钱包 $WALLET 等）" "(6 items registered and stored in CAB-02: the phone $PHONE, the wallet $WALLET, …)"
run ledger officer card 000002 0B0B0B02 --actor 000004
run ledger cabinet status CAB-02

say "审批领导批准李明在智能柜取出手机送检：只登记审批，取走时才记为出库。" \
    "The supervisor approves 李明 taking the phone from the cabinet for examination: the approval is recorded; the check-out will be, once it is taken."
run ledger checkout $PHONE --to 000002 --reason examination --approved-by 000001 --due "$DUE" --at-cabinet --actor 000004

say "模拟的智能柜（厂商适配器）经 ledger cabinet hook 与台账对话：李明刷卡，柜门打开；他取走获批的手机，又顺手取走未获批准的钱包；关门后柜子逐轮盘点（读取有漏读和串读），直到台账确认结果。" \
    "The simulated cabinet (a vendor's adapter) talks to the ledger through ledger cabinet hook: 李明 presents his card, the door opens; he takes the approved phone, and the wallet he was not allowed; after the door closes the cabinet runs inventory rounds (with missed and neighbour reads) until the ledger is sure."
run "$LEDGER_SIM_BIN" --ledger "$LEDGER_BIN" --store "$LEDGER_STORE" --cabinet CAB-02 --scenario demo --card 0B0B0B02 \
    "${sim_tags[@]}" --take 04C10001 --also-take 04C10002 --miss-rate 0.1 --neighbour-rate 0.05 --antennas 2 --seed 3

say "结果：手机记为出库（执行人李明，经智能柜 CAB-02）；钱包的取出是违规出库告警，保管记录不变，等待审批领导核查。" \
    "The outcome: the phone is checked out (by 李明, through cabinet CAB-02); taking the wallet is an unauthorised-removal finding — custody unchanged, for a supervisor to review."
run ledger show $PHONE
run ledger findings --open
run ledger cabinet sessions
say "当日通报中也列出了这条智能柜告警。" "The day's bulletin lists the cabinet finding too."
run ledger bulletin

say "个人签名密钥：审批领导魏江先为自己生成密钥，再见证保管员张丽生成她的密钥。私钥加密保存在各自的文件中（权限 600），只有公钥记入台账。（演示脚本经文件描述符提供口令；平时在终端输入，口令绝不写在命令行上。）" \
    "Personal signing keys: the supervisor 魏江 makes his own key, then witnesses the clerk 张丽 making hers. Each private key is kept encrypted in its owner's own file (mode 600); only the public keys go into the log. (The script gives the passphrases on file descriptors; people type them on the terminal, never on the command line.)"
export LEDGER_KEY_DIR="$work/keys" XDG_RUNTIME_DIR="$work/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
printf '%s\n' "魏江的口令 demo-0001" > "$work/pass-000001"
printf '%s\n' "张丽的口令 demo-0004" > "$work/pass-000004"
run ledger officer enroll 000001 --actor 000001 --new-passphrase-fd 3 3<"$work/pass-000001"
run ledger officer enroll 000004 --actor 000001 --passphrase-fd 3 --new-passphrase-fd 4 3<"$work/pass-000001" 4<"$work/pass-000004"

say "张丽上班登录一次：她的私钥由只属于她的登录代理保管，本班次内她的每条记录都自动签名，不再询问口令。她把送检归来的手机归还入库。" \
    "张丽 logs in once for her shift: a login agent of her own holds her key, and every entry she makes meanwhile is signed without asking her passphrase again. She takes back the phone, returned from examination."
demo_agent=1
run ledger login --actor 000004 --passphrase-fd 3 3<"$work/pass-000004"
run ledger return $PHONE --to CAB02-A1 --condition 完好 --actor 000004
run ledger history $PHONE
say "她下班退出。之后有人以张丽的警号冒名、却不知道她的口令：被拒绝（退出状态 4），不写入任何数据。" \
    "She logs out at the end of her shift. Then someone typing 张丽's badge without knowing her passphrase: refused (exit status 4), nothing written."
run ledger logout --actor 000004
printf '%s\n' "猜一个口令 guess-1234" > "$work/guess"
status=0
run ledger location add SHELF-9 --kind shelf --parent ROOM-1 --name 九号架 --actor 000004 --passphrase-fd 3 3<"$work/guess" || status=$?
say_plain "（退出状态 $status）" "(exit status $status)"
[ "$status" -eq 4 ]
say "核验：每条签名都按台账中登记的公钥验证；另一个与台账无关的校验程序（Python 与 openssl）得出同样的结论，检察院可据此独立核对。" \
    "Verify: every signature is checked against the public keys the log enrolled; an independent checker (Python and openssl, no code of the ledger's) agrees, as a procuratorate could check it on its own."
run ledger verify
if /usr/bin/python3 -c "import cryptography" 2>/dev/null; then
    run "$demo_dir/verify-entry-signatures.py" "$LEDGER_STORE"
fi

say "移交检察院：审查起诉时，自行车和断线钳随案移送临淄区人民检察院。检察院有自己的台账；双方各自登记对方的验证公钥，公安还登记检察院的见证公钥——检察院在回执中以它联署公安的检查点。" \
    "Handover to the procuratorate: for prosecution, the bicycle and the bolt cutter go with the case to the district procuratorate, which runs a ledger of its own; each side records the other's verifier key, and the police also the procuratorate's witness key, with which it will cosign the police's checkpoint on its receipt."
unset LEDGER_ACTOR
PROC="$work/procuratorate.db"
run ledger init --store "$PROC" --agency-code 370305J --agency-name 临淄区人民检察院 --kind procuratorate --signatures optional
run ledger officer add 100001 --name 孙检 --role supervisor --store "$PROC"
run ledger officer add 100004 --name 赵敏 --role clerk --actor 100001 --store "$PROC"
run ledger case open JC2026001 --title 审查起诉：自行车被盗案 --kind criminal --actor 100001 --store "$PROC"
run ledger location add PROC-ROOM --kind room --name 检察院涉案财物保管室 --actor 100004 --store "$PROC"
printf '$ ledger key > police.vkey; ledger key --store %s > procuratorate.vkey\n' "$PROC"
ledger key > police.vkey
ledger key --store "$PROC" > procuratorate.vkey
printf '$ ledger witness key --store %s > procuratorate.wkey\n' "$PROC"
ledger witness key --store "$PROC" > procuratorate.wkey
run ledger peer add procuratorate --key procuratorate.vkey --witness-key procuratorate.wkey --actor 000001 --passphrase-fd 3 3<"$work/pass-000001"
run ledger peer add police --key police.vkey --actor 100001 --store "$PROC"

say "公安保管员张丽生成移交文件：每件一条 transfer.out、一份移交清单，连同签名检查点和每条记录的证明写成一个文件。回执登记前，这两件不得出库或移库。" \
    "The police clerk 张丽 makes the transfer: a transfer.out per object and a manifest, written with the signed checkpoint and every entry's proof into one file. Until the receipt is recorded, the two may be neither checked out nor moved."
TID=$(ledger transfer create --to procuratorate --case $CASE --objects $BIKE,$CUTTER --out bundle.txt --actor 000004 --passphrase-fd 3 --json 3<"$work/pass-000004" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["transfer"])')
printf '$ ledger transfer create --to procuratorate --case %s --objects %s,%s --out bundle.txt --actor 000004\n  → %s\n' $CASE $BIKE $CUTTER $TID

say "检察院保管员赵敏只凭这个文件离线核验（签名、检查点、每条证明、清单是否完整有序），当场审验：自行车无误，断线钳钳口缺损。生成回执。" \
    "The procuratorate's clerk 赵敏 checks the file offline, with nothing but the police's key (signature, checkpoint, every proof, the list complete and in order), and inspects the goods: the bicycle as listed, the bolt cutter's jaw chipped. The receipt is written."
run ledger transfer receive bundle.txt --case JC2026001 --damaged "$CUTTER=钳口缺损" --confirm all --receipt-out receipt.txt --actor 100004 --store "$PROC"
say "同一文件再交一次：被拒绝（退出状态 1），不写入任何数据。" "The same file a second time: refused (exit status 1), nothing written."
status=0
run ledger transfer receive bundle.txt --case JC2026001 --confirm all --receipt-out again.txt --actor 100004 --store "$PROC" || status=$?
say_plain "（退出状态 $status）" "(exit status $status)"
[ "$status" -eq 1 ]

say "公安凭回执结束移交：两件不再由公安保管，损坏情况记录在案。" \
    "The police close the transfer on the receipt: the two have left the police's custody, and the damage is on record."
run ledger transfer close receipt.txt --actor 000004 --passphrase-fd 3 3<"$work/pass-000004"
run ledger transfer show $TID
run ledger show $BIKE
if /usr/bin/python3 -c "import cryptography" 2>/dev/null; then
    say "回执中检察院对公安检查点的联署（C2SP tlog-cosignature），用与台账无关的独立程序核验：" \
        "The procuratorate's cosignature of the police's checkpoint in the receipt (C2SP tlog-cosignature), checked by a program that shares no code with the ledger:"
    python3 -c 'import re,sys; t=open("receipt.txt","rb").read(); m=re.search(rb"\ncosigned (\d+)\n", t); sys.stdout.buffer.write(t[m.end():m.end()+int(m.group(1))])' > cosigned.txt
    run "$demo_dir/verify-cosignature.py" procuratorate.wkey cosigned.txt
fi

say "在检察院，两件以原编号（一物一码）和公安的登记信息入账，无需重新录入；保管员入库。" \
    "At the procuratorate the two are on its books under their original ids (one object, one code), with the police's records, nothing re-keyed; its clerk checks them in."
run ledger show $BIKE --store "$PROC"
run ledger checkin $BIKE --to PROC-ROOM --actor 100004 --store "$PROC"
run ledger checkin $CUTTER --to PROC-ROOM --actor 100004 --store "$PROC"

say "提起公诉：检察院以“权属移交，实物不动”方式移交法院——保管权转移，实物仍在检察院保管室。法院核验、回执，检察院结束移交。" \
    "Indictment: the procuratorate hands the two to the court in custody mode — custody changes on paper, the goods stay in the procuratorate's room. The court checks and answers; the procuratorate closes the transfer."
COURT="$work/court.db"
run ledger init --store "$COURT" --agency-code 370305F --agency-name 临淄区人民法院 --kind court --signatures optional
run ledger officer add 200001 --name 钱审 --role supervisor --store "$COURT"
run ledger officer add 200004 --name 周书 --role clerk --actor 200001 --store "$COURT"
run ledger case open FY2026001 --title 自行车被盗案 --kind criminal --actor 200001 --store "$COURT"
ledger key --store "$COURT" > court.vkey
run ledger peer add court --key court.vkey --actor 100001 --store "$PROC"
run ledger peer add procuratorate --key procuratorate.vkey --actor 200001 --store "$COURT"
run ledger transfer create --to court --case JC2026001 --mode custody --out court-bundle.txt --actor 100004 --store "$PROC"
run ledger transfer receive court-bundle.txt --case FY2026001 --confirm all --receipt-out court-receipt.txt --actor 200004 --store "$COURT"
run ledger transfer close court-receipt.txt --actor 100004 --store "$PROC"
run ledger transfer list --store "$PROC"
run ledger show $CUTTER --store "$COURT"
run ledger peer list --store "$PROC"

say "正式台账：新建台账默认要求签名。第一位审批领导登记后，下一条记录必须由他本人的密钥签名——先登记他自己的密钥；未签名的记录被拒绝（退出状态 2），不写入任何数据。" \
    "A real store: a new ledger requires signatures by default. After its first supervisor, every entry must be signed, starting with the enrolment of his own key; an unsigned entry is refused (exit status 2) and nothing is written."
unset LEDGER_ACTOR
run ledger init --store "$work/real.db" --agency-code 370305 --agency-name 淄博市公安局临淄分局 --kind police
run ledger officer add 000001 --name 魏江 --role supervisor --store "$work/real.db"
status=0
run ledger officer add 000002 --name 李明 --role officer --actor 000001 --store "$work/real.db" || status=$?
say_plain "（退出状态 $status）" "(exit status $status)"
[ "$status" -eq 2 ]
# His key file for this store (the walk-through's store already holds one for 000001).
export LEDGER_KEY_DIR="$work/keys-real"
run ledger officer enroll 000001 --actor 000001 --store "$work/real.db" --new-passphrase-fd 3 3<"$work/pass-000001"
run ledger officer add 000002 --name 李明 --role officer --actor 000001 --store "$work/real.db" --passphrase-fd 3 3<"$work/pass-000001"
run ledger verify --store "$work/real.db"

say "备份：在使用中为台账库做一致的备份（不含私钥）；台账库损坏后用它恢复——备份落后于已签署的检查点时拒绝恢复。" \
    "Backups: a consistent copy of the store taken while it is in use (no private key); after the store is damaged it is restored from it — a backup behind a signed checkpoint is refused."
run ledger backup "$work/backup"
export LEDGER_KEY_DIR="$work/keys"
run ledger location add ROOM-2 --name 备用保管室 --kind room --actor 000004 --passphrase-fd 3 3<"$work/pass-000004"
run ledger checkpoint > /dev/null
status=0
run ledger restore "$work/backup" --to "$LEDGER_STORE" --discard-newer || status=$?
say_plain "（退出状态 $status：备份之后签署的检查点已公布，不能倒退）" "(exit status $status: a checkpoint signed after the backup was published; the log cannot go back)"
[ "$status" -eq 2 ]
printf 'damaged' > "$work/damaged.db"
cp "$LEDGER_STORE.key" "$work/damaged.db.key"
run ledger restore "$work/backup" --to "$work/damaged.db"
run ledger verify --store "$work/damaged.db"

say "演示结束：一个案件从头走到尾，台账核验通过，回执离线核验通过，篡改被发现；未破案件的案卷按一个月规则移交集中保管，生成了当日通报，智能柜发现了一次违规出库；自行车的标签以 SVG 和 PNG 打印，条码和二维码由独立解码器读回；登记密钥之后的每条记录都由经办人本人签名；自行车和断线钳凭可离线核验的移交文件和回执移交检察院，再以权属移交方式移交法院。" \
    "Done: a case walked end to end, the ledger verified, a receipt checked offline, tampering detected; the unsolved case's dossier moved to central storage under the one-month rule, the day's bulletin made, a smart cabinet caught an unauthorised removal, the bicycle's label printed as SVG and PNG and its codes read back by an independent decoder, every entry since the keys were enrolled is signed by the officer who made it, and the bicycle and the bolt cutter went to the procuratorate, and on to the court in custody mode, each handover a bundle and a receipt each side checked offline."
