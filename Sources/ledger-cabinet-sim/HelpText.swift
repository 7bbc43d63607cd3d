/// `ledger-cabinet-sim --help`.
enum HelpText {
    static func text(in language: SimulatorLanguage) -> String {
        language == .zh ? chinese : english
    }

    static let english = """
        usage: ledger-cabinet-sim --ledger PATH | --socket PATH --cabinet CODE --scenario NAME [options]

        A simulated smart cabinet and its vendor's adapter: starts `PATH [--store S] [--lang L] cabinet hook CODE`
        (or connects to the socket of `ledger cabinet serve`), speaks cabinet protocol v1 to it
        (docs/cabinet-protocol.md), and prints one line per message sent (→), per response received (←) and per
        physical move (·).

        Scenarios:
          hello     hello only: the cabinet's name and slots as the ledger knows them
          demo      the officer (--badge or --card) takes the approved --take UID and the --also-take UID he was
                    not allowed; door closed, complete rounds until reconciled, the findings printed
          session   authorize, door opened, take each --take, put each --put, door closed, rounds until reconciled
          alarm     an alarm of --alarm KIND (default door-forced), for --session if given
          resume    after a crash: complete rounds for the open --session until reconciled

        Options:
          --ledger PATH          the ledger binary, started as `cabinet hook` (this or --socket)
          --socket PATH          the socket of `ledger cabinet serve` to connect to (this or --ledger)
          --store PATH           passed on as the ledger's --store (default: the ledger's own, $LEDGER_STORE, …)
          --cabinet CODE         the cabinet's location code (required)
          --scenario NAME        one of the scenarios above (required)
          --lang zh|en           passed on as the ledger's --lang; also the language of this tool's own words
                                 (default: LEDGER_LANG, LC_ALL, LC_MESSAGES, LANG; none: Chinese)
          --badge BADGE          the officer's badge
          --card UID             the officer's police IC card UID, instead of a badge
          --witness BADGE        a second badge, for the two-person rule
          --take UID             a tag the officer takes out (repeatable)
          --also-take UID        demo: the tag he takes without approval
          --put SLOT=UID         a tag he puts into SLOT (repeatable)
          --tag SLOT=UID         a tag inside before the scenario (repeatable); a --take or --also-take UID that
                                 no --tag places lies in the first slot
          --slots A1,A2,…        the slots in the reader's order (default: the ledger's, from hello)
          --session S            resume, alarm: the session (an integer as a number, anything else as text)
          --alarm KIND           alarm: door-forced, door-left-open, tamper, power, …
          --miss-rate R          each tag missed in a round with probability R (default 0)
          --neighbour-rate R     each tag also read by the next slot's antenna, weaker, with probability R (0)
          --antennas N           antennas per slot, each reporting every read: N-fold duplicates (default 1)
          --seed N               the noise's seed (default 1): the same seed gives the same rounds
          --no-rssi              reads carry no rssi
          --max-rounds N         complete rounds at most while the ledger says more (default 20)
          --timeout SECONDS      how long to wait for each response (default 10)
          --die-after STEP       the adapter vanishes after authorize, door-opened, taken, door-closed or round
          --adapter NAME         the name hello gives (default ledger-cabinet-sim)
          --json                 print the JSON lines themselves
          --help                 this text

        Exit status: 0 the scenario ran to its end (or died as --die-after asked); 1 the ledger refused, failed or
        did not reconcile; 64 a command line this tool cannot run.

        Example (make demo):
          ledger-cabinet-sim --ledger .build/debug/ledger --store /tmp/demo/ledger.db --cabinet C-01 \\
            --scenario demo --badge 000123 --tag A1=04A1B2C3D4E5F6 --tag A2=04A1B2C3D4E5F7 \\
            --take 04A1B2C3D4E5F6 --also-take 04A1B2C3D4E5F7 --miss-rate 0.1 --neighbour-rate 0.05 --antennas 2
        """

    static let chinese = """
        用法：ledger-cabinet-sim --ledger 路径 | --socket 路径 --cabinet 柜号 --scenario 场景 [选项]

        模拟一台智能柜及其厂商适配器：启动 `路径 [--store S] [--lang L] cabinet hook 柜号`（或连接
        `ledger cabinet serve` 的套接字），以柜子协议第 1 版
        （docs/cabinet-protocol.md）与之通信；每发出一条消息（→）、每收到一条应答（←）、每个实物动作（·）各打印一行。

        场景：
          hello     只发 hello：账本所知的柜名与格位
          demo      民警（--badge 或 --card）取出已批准的 --take UID，又取出未获批准的 --also-take UID；关门，
                    完整盘点直到核对完成，打印发现
          session   授权、开门、取出每个 --take、放入每个 --put、关门，盘点直到核对完成
          alarm     报警 --alarm 类型（默认 door-forced），可带 --session
          resume    崩溃之后：为未结束的 --session 继续完整盘点，直到核对完成

        选项：
          --ledger 路径          账本程序，以 `cabinet hook` 启动（与 --socket 二选一）
          --socket 路径          连接 `ledger cabinet serve` 的套接字（与 --ledger 二选一）
          --store 路径           作为账本的 --store 传入（默认由账本自定：$LEDGER_STORE 等）
          --cabinet 柜号         柜子的位置编码（必填）
          --scenario 场景        上列场景之一（必填）
          --lang zh|en           作为账本的 --lang 传入，也是本工具自身用语的语言
                                 （默认：LEDGER_LANG、LC_ALL、LC_MESSAGES、LANG；都未设则中文）
          --badge 警号           民警的警号
          --card UID             民警警务 IC 卡的 UID（代替警号）
          --witness 警号         第二人的警号（双人规则）
          --take UID             民警取出的标签（可重复）
          --also-take UID        demo：未获批准而取出的标签
          --put 格位=UID         放入某格位的标签（可重复）
          --tag 格位=UID         场景开始前柜内的标签（可重复）；未由 --tag 指定位置的 --take、--also-take
                                 标签放在第一个格位
          --slots A1,A2,…        格位（读写器顺序），默认取账本在 hello 应答中给出的
          --session S            resume、alarm：会话（整数按数字发送，其余按文本）
          --alarm 类型           alarm：door-forced、door-left-open、tamper、power 等
          --miss-rate R          每轮每个标签以概率 R 漏读（默认 0）
          --neighbour-rate R     每个标签以概率 R 被下一格位的天线以较弱信号串读（默认 0）
          --antennas N           每格位天线数，每根天线都报告所读：N 倍重复（默认 1）
          --seed N               噪声的种子（默认 1）：同一种子得到同样的盘点
          --no-rssi              读数不带 rssi
          --max-rounds N         账本要求继续时最多的完整盘点轮数（默认 20）
          --timeout 秒           每条应答最多等待的时间（默认 10）
          --die-after 步骤       适配器在 authorize、door-opened、taken、door-closed 或 round 之后消失
          --adapter 名称         hello 中的适配器名（默认 ledger-cabinet-sim）
          --json                 打印 JSON 行本身
          --help                 本说明

        退出状态：0 场景完整运行（或按 --die-after 退出）；1 账本拒绝、出错或未核对完成；64 命令行无法执行。

        示例（make demo）：
          ledger-cabinet-sim --ledger .build/debug/ledger --store /tmp/demo/ledger.db --cabinet C-01 \\
            --scenario demo --badge 000123 --tag A1=04A1B2C3D4E5F6 --tag A2=04A1B2C3D4E5F7 \\
            --take 04A1B2C3D4E5F6 --also-take 04A1B2C3D4E5F7 --miss-rate 0.1 --neighbour-rate 0.05 --antennas 2
        """
}
