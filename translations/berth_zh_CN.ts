<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArchiveExtractor</name>
    <message>
        <source>%1 is a symbolic link (to %2); a package holds none.</source>
        <translation>%1 是一个符号链接（指向 %2）；软件包中不应包含符号链接。</translation>
    </message>
    <message>
        <source>%1 is a hard link (to %2); a package holds none.</source>
        <translation>%1 是一个硬链接（指向 %2）；软件包中不应包含硬链接。</translation>
    </message>
    <message>
        <source>%1 is a device file; a package holds none.</source>
        <translation>%1 是一个设备文件；软件包中不应包含设备文件。</translation>
    </message>
    <message>
        <source>%1 is a pipe or a socket; a package holds none.</source>
        <translation>%1 是一个管道或套接字；软件包中不应包含此类文件。</translation>
    </message>
    <message>
        <source>%1 is of a kind of file Berth does not unpack.</source>
        <translation>%1 的文件类型 Berth 不会解包。</translation>
    </message>
    <message>
        <source>%1 is both a file and a folder.</source>
        <translation>%1 既是文件又是文件夹。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: %2.</source>
        <translation>无法创建文件夹 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot open the folder %1: %2.</source>
        <translation>无法打开文件夹 %1：%2。</translation>
    </message>
    <message>
        <source>The package holds %1 more than once.</source>
        <translation>软件包中多次包含 %1。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2.</source>
        <translation>无法创建 %1：%2。</translation>
    </message>
    <message>
        <source>The disk is full: %1 could not be written. Make room and try again.</source>
        <translation>磁盘已满：无法写入 %1。请腾出空间后重试。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>An entry has no name.</source>
        <translation>有一个条目没有名称。</translation>
    </message>
    <message>
        <source>%1 is an absolute path; a package holds only relative ones.</source>
        <translation>%1 是绝对路径；软件包中只能包含相对路径。</translation>
    </message>
    <message>
        <source>An entry&apos;s name holds control characters.</source>
        <translation>有一个条目的名称包含控制字符。</translation>
    </message>
    <message>
        <source>%1 reaches out of its folder (&quot;..&quot;).</source>
        <translation>%1 指向其文件夹之外（“..”）。</translation>
    </message>
    <message>
        <source>%1 is not a plain path (an empty or &quot;.&quot; part).</source>
        <translation>%1 不是普通路径（含有空的或“.”部分）。</translation>
    </message>
    <message>
        <source>%1 has no size.</source>
        <translation>%1 没有大小信息。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>ArchiveReader</name>
    <message>
        <source>Could not read the archive %1: %2.</source>
        <translation>无法读取归档 %1：%2。</translation>
    </message>
    <message>
        <source>it cannot be opened or is not an archive Berth reads</source>
        <translation>无法打开，或不是 Berth 能读取的归档</translation>
    </message>
    <message>
        <source>it is damaged or incomplete</source>
        <translation>它已损坏或不完整</translation>
    </message>
    <message>
        <source>the data of %1 does not add up to what its header says</source>
        <translation>%1 的数据与其头部声明的不符</translation>
    </message>
    <message>
        <source>the data of %1 is damaged or incomplete</source>
        <translation>%1 的数据已损坏或不完整</translation>
    </message>
    <message>
        <source>the data of %1 does not fit its size</source>
        <translation>%1 的数据超出了其声明的大小</translation>
    </message>
</context>
<context>
    <name>ArchiveWriter</name>
    <message>
        <source>Could not write the archive %1: %2.</source>
        <translation>无法写入归档 %1：%2。</translation>
    </message>
    <message>
        <source>zstd compression is not available</source>
        <translation>zstd 压缩不可用</translation>
    </message>
    <message>
        <source>it cannot be opened</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 不是普通文件。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>it became shorter</source>
        <translation>文件变短了</translation>
    </message>
    <message>
        <source>it could not be completed</source>
        <translation>无法完成</translation>
    </message>
</context>
<context>
    <name>BundleDescriptor</name>
    <message>
        <source>%1 is not a file a Berth bundle holds.</source>
        <translation>%1 不是 Berth 包中应有的文件。</translation>
    </message>
    <message>
        <source>%1 is missing or not a regular file.</source>
        <translation>%1 不存在或不是普通文件。</translation>
    </message>
    <message>
        <source>A disk of the VM: %1</source>
        <translation>虚拟机的一个磁盘：%1</translation>
    </message>
    <message>
        <source>This is not a Berth bundle (its first file is not a valid %1).</source>
        <translation>这不是 Berth 包（其第一个文件不是有效的 %1）。</translation>
    </message>
    <message>
        <source>This bundle was made by a newer Berth (bundle version %1; this version reads up to %2): update Berth to import it.</source>
        <translation>此包由更新版本的 Berth 制作（包版本 %1；此版本最高只能读取 %2）：请更新 Berth 后再导入。</translation>
    </message>
    <message>
        <source>The bundle&apos;s list of files is damaged (%1).</source>
        <translation>包的文件列表已损坏（%1）。</translation>
    </message>
    <message>
        <source>The bundle names a disk it does not hold: %1.</source>
        <translation>包中列出了一个它并不包含的磁盘：%1。</translation>
    </message>
    <message>
        <source>The bundle&apos;s VM definition cannot be used: %1</source>
        <translation>包中的虚拟机定义无法使用：%1</translation>
    </message>
    <message>
        <source>The bundle&apos;s checksums are missing or damaged.</source>
        <translation>包的校验和缺失或已损坏。</translation>
    </message>
</context>
<context>
    <name>ClaimedFile</name>
    <message>
        <source>%1 exists already.</source>
        <translation>%1 已存在。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2.</source>
        <translation>无法创建 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot create a temporary file beside %1: %2.</source>
        <translation>无法在 %1 旁边创建临时文件：%2。</translation>
    </message>
    <message>
        <source>Nothing was made for %1.</source>
        <translation>没有为 %1 创建任何文件。</translation>
    </message>
    <message>
        <source>The new file is complete but could not replace %1: %2.</source>
        <translation>新文件已完成，但无法替换 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot write %1 to the disk: %2.</source>
        <translation>无法将 %1 写入磁盘：%2。</translation>
    </message>
    <message>
        <source>%1 is complete, but its folder could not be written to the disk: %2.</source>
        <translation>%1 已完成，但无法将其所在文件夹写入磁盘：%2。</translation>
    </message>
</context>
<context>
    <name>CloneDialog</name>
    <message>
        <source>&amp;Full copy</source>
        <translation>完整复制(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Linked clone</source>
        <translation>链接克隆(&amp;L)</translation>
    </message>
    <message>
        <source>Clone “%1”</source>
        <translation>克隆“%1”</translation>
    </message>
    <message>
        <source>%1 clone</source>
        <translation>%1 克隆</translation>
    </message>
    <message>
        <source>%1 clone %2</source>
        <translation>%1 克隆 %2</translation>
    </message>
    <message>
        <source>&amp;Clone</source>
        <translation>克隆(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Copies every disk, with its snapshots. Takes time and room; the copy is independent.</source>
        <translation>复制每个磁盘及其快照。需要时间和空间；副本是独立的。</translation>
    </message>
    <message>
        <source>Quick and small: the clone&apos;s disks record only its changes to “%1”&apos;s disks. “%1” can then neither start nor be deleted until its linked clones are deleted.</source>
        <translation>快速且占用空间小：克隆的磁盘只记录它相对于“%1”的磁盘所做的更改。在其链接克隆被删除之前，“%1”既不能启动也不能删除。</translation>
    </message>
    <message>
        <source>Either way the clone gets a new identity (UUID), a copy of the UEFI variables and a new TPM.</source>
        <translation>无论哪种方式，克隆都会获得新的标识（UUID）、UEFI 变量的副本和新的 TPM。</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>%1 %2 does not exist</source>
        <translation>%1 %2 不存在</translation>
    </message>
    <message>
        <source>%1 %2 cannot be read</source>
        <translation>无法读取%1 %2</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>there is no VM named &quot;%1&quot; in %2</source>
        <translation>%2 中没有名为“%1”的虚拟机</translation>
    </message>
    <message>
        <source>the VM &quot;%1&quot; cannot be used: %2</source>
        <translation>虚拟机“%1”无法使用：%2</translation>
    </message>
    <message>
        <source>%1 needs %2 (see berth %1 --help)</source>
        <translation>%1 需要 %2（参见 berth %1 --help）</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <source>Print JSON on stdout.</source>
        <translation>在标准输出上打印 JSON。</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <source>cannot read the screen: %1</source>
        <translation>无法读取屏幕：%1</translation>
    </message>
    <message>
        <source>no complete screen arrived within %1 seconds</source>
        <translation>%1 秒内没有收到完整的屏幕画面</translation>
    </message>
    <message>
        <source>%1 has no monitor connection</source>
        <translation>%1 没有监视器连接</translation>
    </message>
    <message>
        <source>FILE.png</source>
        <translation>文件.png</translation>
    </message>
    <message>
        <source>%1 is not running</source>
        <translation>%1 未在运行</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Saved the screen of %1 (%2×%3) to %4</source>
        <translation>已将 %1 的屏幕（%2×%3）保存到 %4</translation>
    </message>
    <message>
        <source>%1 did not start</source>
        <translation>%1 未能启动</translation>
    </message>
    <message>
        <source>berth view needs a display</source>
        <translation>berth view 需要图形显示环境</translation>
    </message>
    <message>
        <source>Save a running VM&apos;s screen as PNG, through Berth&apos;s VNC client (or QEMU&apos;s screendump with --qmp).</source>
        <translation>将运行中虚拟机的屏幕保存为 PNG，通过 Berth 的 VNC 客户端（或使用 --qmp 时通过 QEMU 的 screendump）。</translation>
    </message>
    <message>
        <source>Take it with QEMU&apos;s screendump instead of Berth&apos;s VNC client.</source>
        <translation>改用 QEMU 的 screendump 截取，而不是 Berth 的 VNC 客户端。</translation>
    </message>
    <message>
        <source>Open a window with only this VM&apos;s screen, starting the VM if it is stopped.</source>
        <translation>打开一个只显示此虚拟机屏幕的窗口；虚拟机已停止时先启动它。</translation>
    </message>
    <message>
        <source>Open the window full screen.</source>
        <translation>以全屏打开窗口。</translation>
    </message>
    <message>
        <source>memory and disks</source>
        <translation>内存和磁盘</translation>
    </message>
    <message>
        <source>disks only</source>
        <translation>仅磁盘</translation>
    </message>
    <message>
        <source>an action (list, create, revert or delete)</source>
        <translation>一个操作（list、create、revert 或 delete）</translation>
    </message>
    <message>
        <source>--description is for snapshot create</source>
        <translation>--description 只用于 snapshot create</translation>
    </message>
    <message>
        <source>snapshot takes list, create, revert or delete, not &quot;%1&quot;</source>
        <translation>snapshot 接受 list、create、revert 或 delete，而不是“%1”</translation>
    </message>
    <message>
        <source>the snapshot&apos;s TAG</source>
        <translation>快照的标签（TAG）</translation>
    </message>
    <message>
        <source>Took snapshot %1 of %2 (memory and disks)</source>
        <translation>已为 %2 创建快照 %1（内存和磁盘）</translation>
    </message>
    <message>
        <source>Took snapshot %1 of %2 (disks only: it is stopped)</source>
        <translation>已为 %2 创建快照 %1（仅磁盘：虚拟机已停止）</translation>
    </message>
    <message>
        <source>Reverted %1 to %2</source>
        <translation>已将 %1 恢复到 %2</translation>
    </message>
    <message>
        <source>Deleted snapshot %1 of %2</source>
        <translation>已删除 %2 的快照 %1</translation>
    </message>
    <message>
        <source>Snapshots: list NAME, create NAME TAG, revert NAME TAG, delete NAME TAG. Live (memory and disks) while the VM runs, disks only while it is stopped.</source>
        <translation>快照：list 名称、create 名称 标签、revert 名称 标签、delete 名称 标签。虚拟机运行时为实时快照（内存和磁盘），停止时仅包含磁盘。</translation>
    </message>
    <message>
        <source>A description for snapshot create.</source>
        <translation>snapshot create 的说明。</translation>
    </message>
    <message>
        <source>broken: %1</source>
        <translation>已损坏：%1</translation>
    </message>
    <message>
        <source>--memory takes a whole number of MiB, not &quot;%1&quot;</source>
        <translation>--memory 需要以 MiB 为单位的整数，而不是“%1”</translation>
    </message>
    <message>
        <source>--cpus takes a whole number, not &quot;%1&quot;</source>
        <translation>--cpus 需要一个整数，而不是“%1”</translation>
    </message>
    <message>
        <source>--accel takes auto, kvm or tcg, not &quot;%1&quot;</source>
        <translation>--accel 接受 auto、kvm 或 tcg，而不是“%1”</translation>
    </message>
    <message>
        <source>use either --disk or --disk-size, not both</source>
        <translation>--disk 和 --disk-size 只能二选一</translation>
    </message>
    <message>
        <source>--disk-size takes a size such as 20G or 512M, not &quot;%1&quot;</source>
        <translation>--disk-size 需要 20G 或 512M 这样的大小，而不是“%1”</translation>
    </message>
    <message>
        <source>the disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>the ISO</source>
        <translation>ISO 映像</translation>
    </message>
    <message>
        <source>the kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>the initrd</source>
        <translation>initrd</translation>
    </message>
    <message>
        <source>--initrd and --append need --kernel</source>
        <translation>--initrd 和 --append 需要同时指定 --kernel</translation>
    </message>
    <message>
        <source>Created %1 in %2</source>
        <translation>已在 %2 中创建 %1</translation>
    </message>
    <message>
        <source>%1 did not complete</source>
        <translation>%1 未完成</translation>
    </message>
    <message>
        <source>%1 is running (pid %2, %3)</source>
        <translation>%1 正在运行（pid %2，%3）</translation>
    </message>
    <message>
        <source>--timeout takes a whole number of seconds, not &quot;%1&quot;</source>
        <translation>--timeout 需要以秒为单位的整数，而不是“%1”</translation>
    </message>
    <message>
        <source>%1 did not stop within %2 seconds and is still running (use --force to power it off)</source>
        <translation>%1 在 %2 秒内没有停止，仍在运行（使用 --force 强制关机）</translation>
    </message>
    <message>
        <source>%1 did not stop</source>
        <translation>%1 没有停止</translation>
    </message>
    <message>
        <source>%1 was powered off</source>
        <translation>%1 已被强制关机</translation>
    </message>
    <message>
        <source>%1 stopped</source>
        <translation>%1 已停止</translation>
    </message>
    <message>
        <source>%1 is running; stop it first (berth stop %1)</source>
        <translation>%1 正在运行；请先停止它（berth stop %1）</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Create a VM.</source>
        <translation>创建虚拟机。</translation>
    </message>
    <message>
        <source>Memory in MiB (default 1024).</source>
        <translation>内存，单位 MiB（默认 1024）。</translation>
    </message>
    <message>
        <source>Number of virtual CPUs (default 1).</source>
        <translation>虚拟 CPU 数量（默认 1）。</translation>
    </message>
    <message>
        <source>Use an existing disk image.</source>
        <translation>使用现有的磁盘映像。</translation>
    </message>
    <message>
        <source>Create a new qcow2 disk of this size (e.g. 20G).</source>
        <translation>创建此大小的新 qcow2 磁盘（例如 20G）。</translation>
    </message>
    <message>
        <source>Attach an ISO image.</source>
        <translation>挂载 ISO 映像。</translation>
    </message>
    <message>
        <source>Boot this kernel directly.</source>
        <translation>直接引导此内核。</translation>
    </message>
    <message>
        <source>Initrd for --kernel.</source>
        <translation>用于 --kernel 的 initrd。</translation>
    </message>
    <message>
        <source>Kernel command line for --kernel.</source>
        <translation>用于 --kernel 的内核命令行。</translation>
    </message>
    <message>
        <source>Accelerator: auto (default), kvm or tcg.</source>
        <translation>加速器：auto（默认）、kvm 或 tcg。</translation>
    </message>
    <message>
        <source>List the VMs and their state.</source>
        <translation>列出虚拟机及其状态。</translation>
    </message>
    <message>
        <source>Show one VM&apos;s state.</source>
        <translation>显示一台虚拟机的状态。</translation>
    </message>
    <message>
        <source>Start a VM; returns once it runs.</source>
        <translation>启动虚拟机；运行后返回。</translation>
    </message>
    <message>
        <source>Pause a running VM.</source>
        <translation>暂停运行中的虚拟机。</translation>
    </message>
    <message>
        <source>%1 is paused</source>
        <translation>%1 已暂停</translation>
    </message>
    <message>
        <source>Resume a paused VM.</source>
        <translation>继续已暂停的虚拟机。</translation>
    </message>
    <message>
        <source>%1 is running</source>
        <translation>%1 正在运行</translation>
    </message>
    <message>
        <source>Reset a VM (like the reset button).</source>
        <translation>重置虚拟机（如同按下复位按钮）。</translation>
    </message>
    <message>
        <source>%1 was reset</source>
        <translation>%1 已重置</translation>
    </message>
    <message>
        <source>Shut a VM down (ACPI); returns once it stopped.</source>
        <translation>关闭虚拟机（ACPI）；停止后返回。</translation>
    </message>
    <message>
        <source>Power it off if it has not stopped in time.</source>
        <translation>如果未能按时停止，则强制关机。</translation>
    </message>
    <message>
        <source>Seconds to wait for the guest (default 60).</source>
        <translation>等待客户机的秒数（默认 60）。</translation>
    </message>
    <message>
        <source>Delete a stopped VM and its disks.</source>
        <translation>删除已停止的虚拟机及其磁盘。</translation>
    </message>
    <message>
        <source>Keep the disk images.</source>
        <translation>保留磁盘映像。</translation>
    </message>
    <message>
        <source>Print the serial console output captured so far.</source>
        <translation>打印目前已捕获的串行控制台输出。</translation>
    </message>
    <message>
        <source>--firmware takes bios or uefi, not &quot;%1&quot;</source>
        <translation>--firmware 接受 bios 或 uefi，而不是“%1”</translation>
    </message>
    <message>
        <source>Firmware: bios (default) or uefi (needs the ovmf package).</source>
        <translation>固件：bios（默认）或 uefi（需要 ovmf 软件包）。</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>%1 used of %2</source>
        <translation>已用 %1，共 %2</translation>
    </message>
    <message>
        <source>%1, use not reported by the guest</source>
        <translation>%1，客户机未报告使用量</translation>
    </message>
    <message>
        <source>not available (QEMU 7.2 does not count a VM&apos;s network traffic)</source>
        <translation>不可用（QEMU 7.2 不统计虚拟机的网络流量）</translation>
    </message>
    <message>
        <source>%1  CPU %2 [%3]  memory %4  RSS %5  disk read %6 write %7</source>
        <translation>%1  CPU %2 [%3]  内存 %4  RSS %5  磁盘读取 %6 写入 %7</translation>
    </message>
    <message>
        <source>CPU       %1 (100 % is one host core)
vCPUs     %2
Memory    %3
QEMU RSS  %4
Disk      read %5, write %6
Network   %7</source>
        <translation>CPU       %1（100 % 为一个主机核心）
vCPU      %2
内存      %3
QEMU RSS  %4
磁盘      读取 %5，写入 %6
网络      %7</translation>
    </message>
    <message>
        <source>--interval takes milliseconds from %1 to %2</source>
        <translation>--interval 需要 %1 到 %2 之间的毫秒数</translation>
    </message>
    <message>
        <source>cannot reach the monitor of %1</source>
        <translation>无法连接 %1 的监视器</translation>
    </message>
    <message>
        <source>CPU, memory, disk and network use of a running VM, measured over one interval (--watch: every interval until Ctrl+C; with --json, one JSON object per line). 100 % CPU is one host core. Memory use is what the guest reports through its virtio-balloon driver (null when it does not); network counters are not available with QEMU 7.2.</source>
        <translation>运行中虚拟机在一个采样间隔内的 CPU、内存、磁盘和网络使用情况（--watch：每个间隔输出一次，直到按 Ctrl+C；配合 --json 时每行一个 JSON 对象）。100 % CPU 为一个主机核心。内存使用量由客户机通过 virtio-balloon 驱动报告（未报告时为 null）；QEMU 7.2 不提供网络计数。</translation>
    </message>
    <message>
        <source>Print every interval until interrupted.</source>
        <translation>每个间隔输出一次，直到被中断。</translation>
    </message>
    <message>
        <source>Milliseconds between samples (default: the window&apos;s setting, 1000).</source>
        <translation>两次采样之间的毫秒数（默认：窗口中的设置，1000）。</translation>
    </message>
    <message>
        <source>%1 exists already; add --overwrite to replace it</source>
        <translation>%1 已存在；加上 --overwrite 以替换它</translation>
    </message>
    <message>
        <source>%1 takes a size such as 20G or 512M, not &quot;%2&quot;</source>
        <translation>%1 需要类似 20G 或 512M 的大小，而不是“%2”</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>image:        %1</source>
        <translation>映像：      %1</translation>
    </message>
    <message>
        <source>format:       %1</source>
        <translation>格式：      %1</translation>
    </message>
    <message>
        <source>virtual size: %1</source>
        <translation>虚拟大小：  %1</translation>
    </message>
    <message>
        <source>disk size:    %1</source>
        <translation>占用空间：  %1</translation>
    </message>
    <message>
        <source>backing file: %1 (%2)</source>
        <translation>后备文件：  %1（%2）</translation>
    </message>
    <message>
        <source>format not recorded</source>
        <translation>未记录格式</translation>
    </message>
    <message>
        <source>subformat:    %1</source>
        <translation>子格式：    %1</translation>
    </message>
    <message>
        <source>snapshots:    %1</source>
        <translation>快照：      %1</translation>
    </message>
    <message>
        <source>dirty:        yes (not closed cleanly; berth disk check)</source>
        <translation>脏标志：    是（未正常关闭；请运行 berth disk check）</translation>
    </message>
    <message>
        <source>corrupt:      yes (QEMU opens it read-only)</source>
        <translation>已损坏：    是（QEMU 只能以只读方式打开）</translation>
    </message>
    <message>
        <source>in use:       yes (a QEMU has it open)</source>
        <translation>使用中：    是（某个 QEMU 正打开着它）</translation>
    </message>
    <message>
        <source>--%1 is not an option of disk %2</source>
        <translation>--%1 不是 disk %2 的选项</translation>
    </message>
    <message>
        <source>an action (create, info, check, resize or convert)</source>
        <translation>一个操作（create、info、check、resize 或 convert）</translation>
    </message>
    <message>
        <source>the new image&apos;s PATH</source>
        <translation>新映像的路径（PATH）</translation>
    </message>
    <message>
        <source>disk create needs --size (or --backing for a linked clone)</source>
        <translation>disk create 需要 --size（链接克隆则用 --backing）</translation>
    </message>
    <message>
        <source>--preallocation takes off, metadata, falloc or full, not &quot;%1&quot;</source>
        <translation>--preallocation 的取值为 off、metadata、falloc 或 full，而不是“%1”</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>已创建 %1</translation>
    </message>
    <message>
        <source>the image&apos;s PATH</source>
        <translation>映像的路径（PATH）</translation>
    </message>
    <message>
        <source>the new SIZE</source>
        <translation>新的大小（SIZE）</translation>
    </message>
    <message>
        <source>Resized %1 to %2</source>
        <translation>已将 %1 调整为 %2</translation>
    </message>
    <message>
        <source>the SOURCE image</source>
        <translation>源映像（SOURCE）</translation>
    </message>
    <message>
        <source>the DESTINATION path</source>
        <translation>目标路径（DESTINATION）</translation>
    </message>
    <message>
        <source>Converted %1 to %2 (%3)</source>
        <translation>已将 %1 转换为 %2（%3）</translation>
    </message>
    <message>
        <source>create: the virtual size, e.g. 20G.</source>
        <translation>create：虚拟大小，例如 20G。</translation>
    </message>
    <message>
        <source>create: qcow2 (default) or raw; convert: qcow2 (default), raw, vmdk, vdi or vhdx.</source>
        <translation>create：qcow2（默认）或 raw；convert：qcow2（默认）、raw、vmdk、vdi 或 vhdx。</translation>
    </message>
    <message>
        <source>create: a linked clone of this base image (qcow2 only).</source>
        <translation>create：以此基础映像创建链接克隆（仅限 qcow2）。</translation>
    </message>
    <message>
        <source>create: off (default), metadata, falloc or full.</source>
        <translation>create：off（默认）、metadata、falloc 或 full。</translation>
    </message>
    <message>
        <source>resize: allow shrinking a raw image (the end of the disk is lost).</source>
        <translation>resize：允许缩小 raw 映像（磁盘末尾的数据会丢失）。</translation>
    </message>
    <message>
        <source>convert: compress (qcow2 and vmdk only).</source>
        <translation>convert：压缩（仅限 qcow2 和 vmdk）。</translation>
    </message>
    <message>
        <source>create, convert: replace an existing file.</source>
        <translation>create、convert：替换已有文件。</translation>
    </message>
    <message>
        <source>%1 Add --shrink to confirm.</source>
        <translation>%1加上 --shrink 以确认。</translation>
    </message>
    <message>
        <source>The VM library folder (default: $BERTH_LIBRARY, else the folder set in Preferences, else ~/.local/share/berth).</source>
        <translation>虚拟机库文件夹（默认：$BERTH_LIBRARY，其次是“首选项”中设置的文件夹，再次是 ~/.local/share/berth）。</translation>
    </message>
    <message>
        <source>A desktop manager for QEMU/KVM virtual machines.

Without a command, opens the window. Commands: %1 (berth COMMAND --help).</source>
        <translation>QEMU/KVM 虚拟机桌面管理器。

不带命令时打开窗口。命令：%1（berth 命令 --help）。</translation>
    </message>
    <message>
        <source>no command given (berth --help lists them)</source>
        <translation>未给出命令（berth --help 会列出所有命令）</translation>
    </message>
    <message>
        <source>Deleted %1; kept %2</source>
        <translation>已删除 %1；保留了 %2</translation>
    </message>
    <message>
        <source>%1 is also a disk of &quot;%2&quot;: it is kept</source>
        <translation>%1 也是“%2”的磁盘：已保留</translation>
    </message>
    <message>
        <source>(not on every disk: one was added after it)</source>
        <translation>（并非所有磁盘都有：有磁盘是在其之后添加的）</translation>
    </message>
    <message>
        <source>The bytes as the guest sent them, escape sequences and control characters included (for a pipe, not a terminal).</source>
        <translation>按客户机发送的原样输出字节，包括转义序列和控制字符（用于管道，而非终端）。</translation>
    </message>
    <message>
        <source>the VM&apos;s NAME</source>
        <translation>虚拟机的名称（NAME）</translation>
    </message>
    <message>
        <source>the bundle&apos;s FILE</source>
        <translation>包文件（FILE）</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>已将 %1 导出到 %2</translation>
    </message>
    <message>
        <source>Imported %1 as %2</source>
        <translation>已将 %1 导入为 %2</translation>
    </message>
    <message>
        <source>A VM with its UUID exists already: it was given a new one (%1).</source>
        <translation>已存在使用相同 UUID 的虚拟机：已为其分配新的 UUID（%1）。</translation>
    </message>
    <message>
        <source>the clone&apos;s NAME</source>
        <translation>克隆的名称（NEW）</translation>
    </message>
    <message>
        <source>Made %1, a linked clone of %2</source>
        <translation>已创建 %1，它是 %2 的链接克隆</translation>
    </message>
    <message>
        <source>Made %1, a copy of %2</source>
        <translation>已创建 %1，它是 %2 的副本</translation>
    </message>
    <message>
        <source>Write a stopped VM into one bundle file: its definition, disks, UEFI variables, TPM state and snapshots. Never writes over a file.</source>
        <translation>将已停止的虚拟机写入一个包文件：包括其定义、磁盘、UEFI 变量、TPM 状态和快照。绝不覆盖已有文件。</translation>
    </message>
    <message>
        <source>Compress the bundle (zstd).</source>
        <translation>压缩包（zstd）。</translation>
    </message>
    <message>
        <source>Add the VM of a bundle made by berth export; its checksums are verified. A VM of the same name is never replaced.</source>
        <translation>添加由 berth export 制作的包中的虚拟机；会校验其校验和。绝不替换同名的虚拟机。</translation>
    </message>
    <message>
        <source>Name the new VM (default: the name in the bundle).</source>
        <translation>新虚拟机的名称（默认：包中的名称）。</translation>
    </message>
    <message>
        <source>Copy a stopped VM under a new name, with a new UUID, its UEFI variables and a fresh TPM. A full clone copies the disks and snapshots; a linked one makes overlays on the source&apos;s disks, and the source can then neither start nor be deleted until its linked clones are deleted.</source>
        <translation>以新名称复制已停止的虚拟机，使用新的 UUID、其 UEFI 变量的副本和全新的 TPM。完整克隆会复制磁盘和快照；链接克隆在源虚拟机的磁盘上创建覆盖层，此后在其链接克隆被删除之前，源虚拟机既不能启动也不能删除。</translation>
    </message>
    <message>
        <source>Make qcow2 overlays on the source&apos;s disks instead of copies.</source>
        <translation>在源虚拟机的磁盘上创建 qcow2 覆盖层，而不是复制磁盘。</translation>
    </message>
    <message>
        <source>use either --%1 or --%2, not both</source>
        <translation>--%1 和 --%2 只能二选一</translation>
    </message>
    <message>
        <source>nothing to change: give at least one option (berth set --help)</source>
        <translation>没有要更改的内容：请至少给出一个选项（berth set --help）</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>%1: nothing changed</source>
        <translation>%1：没有任何更改</translation>
    </message>
    <message>
        <source>%1: changed %2</source>
        <translation>%1：已更改 %2</translation>
    </message>
    <message>
        <source>Remove the %1.</source>
        <translation>移除 %1。</translation>
    </message>
    <message>
        <source>%1 has no serial console to join (it was started by an older Berth; restart it)</source>
        <translation>%1 没有可加入的串口控制台（它由旧版 Berth 启动；请重新启动它）</translation>
    </message>
    <message>
        <source>Connected to the serial console of %1. Press Ctrl+] to leave.</source>
        <translation>已连接到 %1 的串口控制台。按 Ctrl+] 离开。</translation>
    </message>
    <message>
        <source>The console of %1 closed: the VM stopped.</source>
        <translation>%1 的控制台已关闭：虚拟机已停止。</translation>
    </message>
    <message>
        <source>%1	%2:%3	guest port %4</source>
        <translation>%1	%2:%3	客户机端口 %4</translation>
    </message>
    <message>
        <source>the protocol (tcp or udp)</source>
        <translation>协议（tcp 或 udp）</translation>
    </message>
    <message>
        <source>the protocol is tcp or udp, not &quot;%1&quot;</source>
        <translation>协议为 tcp 或 udp，而不是“%1”</translation>
    </message>
    <message>
        <source>an action (add, list or remove)</source>
        <translation>一个操作（add、list 或 remove）</translation>
    </message>
    <message>
        <source>forward takes add, list or remove, not &quot;%1&quot;</source>
        <translation>forward 接受 add、list 或 remove，而不是“%1”</translation>
    </message>
    <message>
        <source>--address is for forward add</source>
        <translation>--address 仅用于 forward add</translation>
    </message>
    <message>
        <source>the host port</source>
        <translation>主机端口</translation>
    </message>
    <message>
        <source>the guest port</source>
        <translation>客户机端口</translation>
    </message>
    <message>
        <source>the host and guest ranges must have as many ports (%1 and %2)</source>
        <translation>主机端口范围与客户机端口范围的端口数必须相同（%1 与 %2）</translation>
    </message>
    <message>
        <source>forward remove takes one host port of the forward</source>
        <translation>forward remove 只接受该转发的一个主机端口</translation>
    </message>
    <message>
        <source>warning: this forward listens on %1, not only on this computer (127.0.0.1): other computers that reach %1 can connect to the guest</source>
        <translation>警告：此转发监听 %1，而不仅是本机（127.0.0.1）：能访问 %1 的其他计算机都可以连接到客户机</translation>
    </message>
    <message>
        <source>now and at each start</source>
        <translation>立即生效，并在每次启动时生效</translation>
    </message>
    <message>
        <source>from its next start</source>
        <translation>自下次启动起生效</translation>
    </message>
    <message>
        <source>%1:%2/%3 reaches guest port %4 of %5 (%6)</source>
        <translation>%1:%2/%3 转发到 %5 的客户机端口 %4（%6）</translation>
    </message>
    <message>
        <source>Removed the forward of %1:%2/%3 from %4 (%5)</source>
        <translation>已从 %4 移除 %1:%2/%3 的转发（%5）</translation>
    </message>
    <message>
        <source>an action (create, list or delete)</source>
        <translation>一个操作（create、list 或 delete）</translation>
    </message>
    <message>
        <source>network takes create, list or delete, not &quot;%1&quot;</source>
        <translation>network 接受 create、list 或 delete，而不是“%1”</translation>
    </message>
    <message>
        <source>the network&apos;s NAME</source>
        <translation>网络的名称（NAME）</translation>
    </message>
    <message>
        <source>Created the private network %1 (plug a VM in with berth set VM --network private:%1)</source>
        <translation>已创建私有网络 %1（用 berth set VM --network private:%1 将虚拟机接入）</translation>
    </message>
    <message>
        <source>Deleted the private network %1</source>
        <translation>已删除私有网络 %1</translation>
    </message>
    <message>
        <source>Port forwards of a VM&apos;s NAT network: add NAME tcp|udp HOSTPORT GUESTPORT, list NAME, remove NAME tcp|udp HOSTPORT. Ports may be ranges (8000-8010). They listen on 127.0.0.1 unless --address says otherwise, and change a running VM at once.</source>
        <translation>虚拟机 NAT 网络的端口转发：add NAME tcp|udp HOSTPORT GUESTPORT、list NAME、remove NAME tcp|udp HOSTPORT。端口可以是范围（8000-8010）。除非 --address 另有指定，转发只监听 127.0.0.1；对运行中的虚拟机立即生效。</translation>
    </message>
    <message>
        <source>The host address to listen on (default 127.0.0.1, this computer only; 0.0.0.0: every address).</source>
        <translation>监听的主机地址（默认 127.0.0.1，仅限本机；0.0.0.0：所有地址）。</translation>
    </message>
    <message>
        <source>Private networks between VMs (no root needed; the host and its LAN do not see them): create NAME, list, delete NAME.</source>
        <translation>虚拟机之间的私有网络（无需 root；主机及其局域网看不到它们）：create NAME、list、delete NAME。</translation>
    </message>
    <message>
        <source>A network card: nat (the default), private:NAME, bridge:NAME or none; repeat for more cards.</source>
        <translation>一块网卡：nat（默认）、private:NAME、bridge:NAME 或 none；重复此选项可添加更多网卡。</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>推荐值</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>最低值</translation>
    </message>
    <message>
        <source>Berth&apos;s general suggestion</source>
        <translation>Berth 的通用建议</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>Memory: %1 MiB (%2)</source>
        <translation>内存：%1 MiB（%2）</translation>
    </message>
    <message>
        <source>CPUs: %1 (%2)</source>
        <translation>CPU：%1（%2）</translation>
    </message>
    <message>
        <source>Disk: %1 (%2)</source>
        <translation>磁盘：%1（%2）</translation>
    </message>
    <message>
        <source>UEFI firmware</source>
        <translation>UEFI 固件</translation>
    </message>
    <message>
        <source>a TPM 2.0</source>
        <translation>TPM 2.0</translation>
    </message>
    <message>
        <source>Secure Boot</source>
        <translation>安全启动</translation>
    </message>
    <message>
        <source>Needs: %1</source>
        <translation>需要：%1</translation>
    </message>
    <message>
        <source>Berth&apos;s osinfo database</source>
        <translation>Berth 的 osinfo 数据库</translation>
    </message>
    <message>
        <source>the system&apos;s osinfo-db</source>
        <translation>系统的 osinfo-db</translation>
    </message>
    <message>
        <source>%1 (%2, version %3, %4), from %5</source>
        <translation>%1（%2，版本 %3，%4），来自%5</translation>
    </message>
    <message>
        <source>Recognise the operating system on an ISO image, as the New VM wizard does, and what it suggests.</source>
        <translation>像新建虚拟机向导一样识别 ISO 镜像上的操作系统，并给出建议。</translation>
    </message>
    <message>
        <source>Turn --%1 off.</source>
        <translation>关闭 --%1。</translation>
    </message>
    <message>
        <source>warning: %1 needs a TPM 2.0, and swtpm is not installed (apt install swtpm)</source>
        <translation>警告：%1 需要 TPM 2.0，但未安装 swtpm（apt install swtpm）</translation>
    </message>
    <message>
        <source>--secure-boot needs --firmware uefi</source>
        <translation>--secure-boot 需要 --firmware uefi</translation>
    </message>
    <message>
        <source>Recognised %1</source>
        <translation>已识别 %1</translation>
    </message>
    <message>
        <source>A TPM 2.0, as Windows 11 needs (needs the swtpm package).</source>
        <translation>TPM 2.0，Windows 11 需要它（需要 swtpm 软件包）。</translation>
    </message>
    <message>
        <source>UEFI Secure Boot with Microsoft&apos;s keys (with --firmware uefi).</source>
        <translation>带有微软密钥的 UEFI 安全启动（需配合 --firmware uefi）。</translation>
    </message>
    <message>
        <source>Join a running VM&apos;s serial console (Ctrl+] leaves).</source>
        <translation>加入正在运行的虚拟机的串口控制台（Ctrl+] 离开）。</translation>
    </message>
    <message>
        <source>Start it even when the running VMs would be given more memory than this computer can back (berth host).</source>
        <translation>即使运行中的虚拟机所获内存将超过本机所能承载的量（见 berth host），也照样启动。</translation>
    </message>
    <message>
        <source>--overcommit-ratio takes a number from %1 to %2, not &quot;%3&quot;</source>
        <translation>--overcommit-ratio 需要 %1 到 %2 之间的数，而不是“%3”</translation>
    </message>
    <message>
        <source>--balancer takes on or off, not &quot;%1&quot;</source>
        <translation>--balancer 需要 on 或 off，而不是“%1”</translation>
    </message>
    <message>
        <source>CPUs: %1</source>
        <translation>CPU：%1</translation>
    </message>
    <message>
        <source>Memory: %1 MiB, %2 MiB available</source>
        <translation>内存：%1 MiB，可用 %2 MiB</translation>
    </message>
    <message>
        <source>Given to running VMs: %1 MiB of %2 MiB (overcommit ratio %3)</source>
        <translation>已分配给运行中的虚拟机：%1 MiB / %2 MiB（超配比 %3）</translation>
    </message>
    <message>
        <source>CPU weight: %1 (with a limit: %2); CPU limit: %3; affinity: %4</source>
        <translation>CPU 权重：%1（有上限时：%2）；CPU 上限：%3；亲和性：%4</translation>
    </message>
    <message>
        <source>Memory balancer: on (run by the window)</source>
        <translation>内存均衡器：开（由窗口运行）</translation>
    </message>
    <message>
        <source>Memory balancer: off</source>
        <translation>内存均衡器：关</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>(--force starts it anyway)</source>
        <translation>（--force 可强制启动）</translation>
    </message>
    <message>
        <source>Show this computer&apos;s CPUs and memory, the memory given to running VMs and the overcommit ratio that limits it.</source>
        <translation>显示本机的 CPU 和内存、已分配给运行中虚拟机的内存，以及限制它的超配比。</translation>
    </message>
    <message>
        <source>Set how much memory the running VMs may be given together, as a multiple of this computer&apos;s memory (default 1; the same as in Preferences).</source>
        <translation>设置运行中的虚拟机总共可分配多少内存，以本机内存的倍数表示（默认 1；与“首选项”中的设置相同）。</translation>
    </message>
    <message>
        <source>Let the window move memory between running VMs through their balloons when this computer runs short: on or off (the same as in Preferences).</source>
        <translation>本机内存不足时，让窗口通过气球设备在运行中的虚拟机之间调配内存：on 或 off（与“首选项”中的设置相同）。</translation>
    </message>
    <message>
        <source>Change a stopped VM&apos;s settings (a running VM&apos;s resources: I/O limits, memory target, at once); changes made meanwhile elsewhere to other settings are kept.</source>
        <translation>更改已停止虚拟机的设置（运行中虚拟机的资源——I/O 限制、内存目标——立即生效）；其间在别处对其他设置所做的更改会保留。</translation>
    </message>
    <message>
        <source>--bus goes with --attach</source>
        <translation>--bus 需与 --attach 一起使用</translation>
    </message>
    <message>
        <source>The image %1 was made, but it could not be attached: %2</source>
        <translation>已创建映像 %1，但无法挂载：%2</translation>
    </message>
    <message>
        <source>Created %1 and attached it to %2 (%3)</source>
        <translation>已创建 %1 并挂载到 %2（%3）</translation>
    </message>
    <message>
        <source>Attached %1 to %2</source>
        <translation>已将 %1 挂载到 %2</translation>
    </message>
    <message>
        <source>Detached %1 from %2; the image is kept</source>
        <translation>已从 %2 卸下 %1；映像文件保留</translation>
    </message>
    <message>
        <source>disk takes create, info, check, resize, convert, attach or detach, not &quot;%1&quot;</source>
        <translation>disk 接受 create、info、check、resize、convert、attach 或 detach，而不是“%1”</translation>
    </message>
    <message>
        <source>Disk images: create PATH --size SIZE [--attach VM], info PATH, check PATH, resize PATH SIZE, convert SRC DST; a stopped VM&apos;s disks: attach VM PATH, detach VM PATH (the image is kept). Refuses to write to an image a running VM uses, or over an existing file without --overwrite.</source>
        <translation>磁盘映像：create PATH --size SIZE [--attach VM]、info PATH、check PATH、resize PATH SIZE、convert SRC DST；已停止虚拟机的磁盘：attach VM PATH、detach VM PATH（映像文件保留）。拒绝写入正在运行的虚拟机所用的映像；没有 --overwrite 时拒绝覆盖已有文件。</translation>
    </message>
    <message>
        <source>create: attach the new image to this stopped VM.</source>
        <translation>create：将新映像挂载到此已停止的虚拟机。</translation>
    </message>
    <message>
        <source>create --attach, attach: virtio (default), sata, ide or scsi.</source>
        <translation>create --attach、attach：virtio（默认）、sata、ide 或 scsi。</translation>
    </message>
    <message>
        <source>give --menu or --folder, not both</source>
        <translation>请给出 --menu 或 --folder，不要同时给出</translation>
    </message>
    <message>
        <source>Create a launcher that opens only this VM&apos;s screen (berth view), starting it when it is shut down: on the desktop, or in the applications menu when there is no desktop folder.</source>
        <translation>创建一个只打开此虚拟机屏幕的启动器（berth view），虚拟机关闭时会先启动它：放在桌面上；没有桌面文件夹时放在应用程序菜单中。</translation>
    </message>
    <message>
        <source>Put it in the applications menu.</source>
        <translation>放到应用程序菜单中。</translation>
    </message>
    <message>
        <source>Put it in this folder.</source>
        <translation>放到此文件夹中。</translation>
    </message>
    <message>
        <source>Open it full screen.</source>
        <translation>以全屏方式打开。</translation>
    </message>
    <message>
        <source>%1 does not hold %2 (it was added later) and was left as it was</source>
        <translation>%1 不含 %2（它是之后添加的），保持原样未动</translation>
    </message>
</context>
<context>
    <name>CpuControl</name>
    <message>
        <source>cannot write %1 to %2: %3</source>
        <translation>无法将 %1 写入 %2：%3</translation>
    </message>
    <message>
        <source>cannot set the CPU affinity of thread %1: %2</source>
        <translation>无法设置线程 %1 的 CPU 亲和性：%2</translation>
    </message>
    <message>
        <source>“%1” is not a list of CPUs such as 0-3,6; this computer has CPUs 0-%2.</source>
        <translation>“%1”不是 CPU 列表（例如 0-3,6）；本机有 CPU 0-%2。</translation>
    </message>
    <message>
        <source>This computer has no CPU %1: it has CPUs 0-%2.</source>
        <translation>本机没有 CPU %1：只有 CPU 0-%2。</translation>
    </message>
    <message>
        <source>The CPU weight must be between %1 and %2, not %3.</source>
        <translation>CPU 权重必须在 %1 到 %2 之间，而不是 %3。</translation>
    </message>
    <message>
        <source>The CPU limit must be between 1 % and %1 % (this computer has %2 CPUs), not %3 %.</source>
        <translation>CPU 上限必须在 1 % 到 %1 % 之间（本机有 %2 个 CPU），而不是 %3 %。</translation>
    </message>
    <message>
        <source>A CPU limit is not available on this host: it needs cgroup v2 with the user&apos;s systemd, or a writable cgroup v1 cpu controller, and this host has neither. Weights (%1) and affinity work here.</source>
        <translation>本机无法使用 CPU 上限：它需要带用户 systemd 的 cgroup v2，或可写的 cgroup v1 cpu 控制器，而本机两者都没有。权重（%1）和亲和性在本机可用。</translation>
    </message>
    <message>
        <source>A CPU weight of %1 needs the right to raise priority (CAP_SYS_NICE or RLIMIT_NICE), which Berth does not have here: weights up to %2 work.</source>
        <translation>CPU 权重 %1 需要提高优先级的权限（CAP_SYS_NICE 或 RLIMIT_NICE），而 Berth 在此没有该权限：最高可用权重为 %2。</translation>
    </message>
    <message>
        <source>QEMU (pid %1) has ended.</source>
        <translation>QEMU（进程 %1）已结束。</translation>
    </message>
    <message>
        <source>systemctl could not set the CPU weight and limit of %1: %2</source>
        <translation>systemctl 无法设置 %1 的 CPU 权重和上限：%2</translation>
    </message>
    <message>
        <source>cannot make the cgroup %1</source>
        <translation>无法创建 cgroup %1</translation>
    </message>
    <message>
        <source>cannot set the nice value of thread %1 to %2: %3</source>
        <translation>无法将线程 %1 的 nice 值设为 %2：%3</translation>
    </message>
</context>
<context>
    <name>CrashReport</name>
    <message>
        <source>QEMU ended unexpectedly</source>
        <translation>QEMU 意外退出</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>DefinitionEditor</name>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Go back to the saved settings</source>
        <translation>回到已保存的设置</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Save these settings (%1)</source>
        <translation>保存这些设置（%1）</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>&amp;CPUs:</source>
        <translation>CPU(&amp;C)：</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>内存(&amp;M)：</translation>
    </message>
    <message>
        <source>Mac&amp;hine:</source>
        <translation>机器类型(&amp;H)：</translation>
    </message>
    <message>
        <source>Acce&amp;lerator:</source>
        <translation>加速器(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Firmware:</source>
        <translation>固件(&amp;F)：</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Disks:</source>
        <translation>磁盘：</translation>
    </message>
    <message>
        <source>Choose an ISO Image</source>
        <translation>选择 ISO 映像</translation>
    </message>
    <message>
        <source>ISO images (*.iso)</source>
        <translation>ISO 映像 (*.iso)</translation>
    </message>
    <message>
        <source>No CD-ROM</source>
        <translation>无光驱映像</translation>
    </message>
    <message>
        <source>C&amp;D-ROM:</source>
        <translation>光驱(&amp;D)：</translation>
    </message>
    <message>
        <source>Direct Kernel Boot</source>
        <translation>直接引导内核</translation>
    </message>
    <message>
        <source>Choose a Kernel</source>
        <translation>选择内核</translation>
    </message>
    <message>
        <source>Kernels (vmlinuz* bzImage*)</source>
        <translation>内核 (vmlinuz* bzImage*)</translation>
    </message>
    <message>
        <source>None: boot from the disks or the CD-ROM</source>
        <translation>无：从磁盘或光驱引导</translation>
    </message>
    <message>
        <source>&amp;Kernel:</source>
        <translation>内核(&amp;K)：</translation>
    </message>
    <message>
        <source>Choose an Initrd</source>
        <translation>选择 initrd</translation>
    </message>
    <message>
        <source>Initrds (initrd* initramfs*)</source>
        <translation>initrd (initrd* initramfs*)</translation>
    </message>
    <message>
        <source>&amp;Initrd:</source>
        <translation>initrd(&amp;I)：</translation>
    </message>
    <message>
        <source>Command &amp;line:</source>
        <translation>命令行(&amp;L)：</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Automatic (KVM on this computer)</source>
        <translation>自动（本机使用 KVM）</translation>
    </message>
    <message>
        <source>Automatic (TCG on this computer)</source>
        <translation>自动（本机使用 TCG）</translation>
    </message>
    <message>
        <source>KVM (hardware)</source>
        <translation>KVM（硬件）</translation>
    </message>
    <message>
        <source>KVM (not usable here)</source>
        <translation>KVM（本机不可用）</translation>
    </message>
    <message>
        <source>TCG (emulated, slower)</source>
        <translation>TCG（模拟，较慢）</translation>
    </message>
    <message>
        <source>KVM when /dev/kvm can be used, TCG otherwise</source>
        <translation>/dev/kvm 可用时使用 KVM，否则使用 TCG</translation>
    </message>
    <message>
        <source>Works everywhere; use it when KVM is missing or misbehaves</source>
        <translation>到处都能用；在没有 KVM 或 KVM 工作异常时使用</translation>
    </message>
    <message>
        <source>Another VM is already called “%1”.</source>
        <translation>已有另一台虚拟机名为“%1”。</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Select a virtual machine to see its settings.</source>
        <translation>选择一台虚拟机以查看其设置。</translation>
    </message>
    <message>
        <source>“%1” is running. Shut it down to change its settings.</source>
        <translation>“%1”正在运行。关机后才能更改其设置。</translation>
    </message>
    <message>
        <source>This must be fixed before applying</source>
        <translation>必须先修正此项才能应用</translation>
    </message>
    <message>
        <source>A warning: the settings can be applied</source>
        <translation>警告：设置仍可应用</translation>
    </message>
    <message>
        <source>BIOS (SeaBIOS)</source>
        <translation>BIOS（SeaBIOS）</translation>
    </message>
    <message>
        <source>UEFI (OVMF)</source>
        <translation>UEFI（OVMF）</translation>
    </message>
    <message>
        <source>Legacy PC firmware: what most older systems expect</source>
        <translation>传统 PC 固件：大多数较旧的系统需要它</translation>
    </message>
    <message>
        <source>Needed by Windows 11 and by systems installed for UEFI; the VM gets its own UEFI variables file</source>
        <translation>Windows 11 和以 UEFI 方式安装的系统需要它；虚拟机会有自己的 UEFI 变量文件</translation>
    </message>
    <message>
        <source>UEFI (OVMF is not installed)</source>
        <translation>UEFI（未安装 OVMF）</translation>
    </message>
    <message>
        <source>The machine types this QEMU offers: q35 is a modern PCIe chipset, pc (i440FX) an older one for older systems</source>
        <translation>此 QEMU 提供的机器类型：q35 是现代的 PCIe 芯片组，pc（i440FX）是较旧的芯片组，适合旧系统</translation>
    </message>
    <message>
        <source>VirtIO (fastest; Windows needs its drivers)</source>
        <translation>VirtIO（最快；Windows 需要安装其驱动）</translation>
    </message>
    <message>
        <source>Intel e1000e (works without drivers)</source>
        <translation>Intel e1000e（无需额外驱动）</translation>
    </message>
    <message>
        <source>Intel e1000 (older systems)</source>
        <translation>Intel e1000（较旧的系统）</translation>
    </message>
    <message>
        <source>Realtek RTL8139 (oldest systems)</source>
        <translation>Realtek RTL8139（很旧的系统）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2 (now %3)</source>
        <translation>%1 — %2（当前为 %3）</translation>
    </message>
    <message>
        <source>%1 (not offered by this QEMU)</source>
        <translation>%1（此 QEMU 不提供）</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>安全：</translation>
    </message>
    <message>
        <source>Card &amp;model:</source>
        <translation>网卡型号(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>DeleteVmDialog</name>
    <message>
        <source>Delete Virtual Machine</source>
        <translation>删除虚拟机</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>删除“%1”？</translation>
    </message>
    <message>
        <source>Its folder %1 is removed with everything Berth keeps there: settings, logs and snapshot records. This cannot be undone.</source>
        <translation>它的文件夹 %1 将连同 Berth 在其中保存的一切（设置、日志和快照记录）一起删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Disk images</source>
        <translation>磁盘映像</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>Delete %1 (%2) — created by Berth</source>
        <translation>删除 %1（%2）— 由 Berth 创建</translation>
    </message>
    <message>
        <source>Keep %1 (%2) — brought in, never deleted</source>
        <translation>保留 %1（%2）— 外部导入，绝不删除</translation>
    </message>
    <message>
        <source>%1
Berth did not create this image: deleting the VM only detaches it.</source>
        <translation>%1
此映像不是 Berth 创建的：删除虚拟机只会将其分离。</translation>
    </message>
    <message>
        <source>Its definition cannot be read, so its disks are not known: images in its folder are kept.</source>
        <translation>无法读取它的定义，因此不知道它有哪些磁盘：其文件夹中的映像将被保留。</translation>
    </message>
    <message>
        <source>It has no disk images.</source>
        <translation>它没有磁盘映像。</translation>
    </message>
    <message>
        <source>Images kept from its folder are moved to %1.</source>
        <translation>从其文件夹中保留的映像将移动到 %1。</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>DesktopShortcut</name>
    <message>
        <source>Virtual machine screen (Berth)</source>
        <translation>虚拟机屏幕（Berth）</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>DesktopShortcutDialog</name>
    <message>
        <source>In another &amp;folder:</source>
        <translation>放到其他文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Open it f&amp;ull screen</source>
        <translation>以全屏方式打开(&amp;U)</translation>
    </message>
    <message>
        <source>Create Shortcut</source>
        <translation>创建快捷方式</translation>
    </message>
    <message>
        <source>A launcher that opens only the screen of “%1”, in a window of its own, and starts it when it is shut down.</source>
        <translation>一个启动器：在单独的窗口中只打开“%1”的屏幕，虚拟机关闭时会先启动它。</translation>
    </message>
    <message>
        <source>On the &amp;desktop (%1)</source>
        <translation>放到桌面(&amp;D)（%1）</translation>
    </message>
    <message>
        <source>In the &amp;applications menu (%1)</source>
        <translation>放到应用程序菜单(&amp;A)（%1）</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
    <message>
        <source>Put it:</source>
        <translation>放置位置：</translation>
    </message>
    <message>
        <source>Folder for the Shortcut</source>
        <translation>快捷方式所在文件夹</translation>
    </message>
    <message>
        <source>It runs: %1</source>
        <translation>它将运行：%1</translation>
    </message>
    <message>
        <source>Choose a folder (a full path).</source>
        <translation>请选择一个文件夹（完整路径）。</translation>
    </message>
    <message>
        <source>It replaces the shortcut of “%1” already there.</source>
        <translation>它会替换那里已有的“%1”快捷方式。</translation>
    </message>
</context>
<context>
    <name>DiskAttachment</name>
    <message>
        <source>There is no virtual machine called “%1”.</source>
        <translation>没有名为“%1”的虚拟机。</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>“%1” is running; its disks can be changed only while it is shut down.</source>
        <translation>“%1”正在运行；只有在它关闭时才能更改其磁盘。</translation>
    </message>
    <message>
        <source>The bus must be one of %1, not “%2”.</source>
        <translation>总线必须是 %1 之一，而不是“%2”。</translation>
    </message>
    <message>
        <source>“%1” uses this image already.</source>
        <translation>“%1”已在使用此映像。</translation>
    </message>
    <message>
        <source>“%1” uses this image; two virtual machines must not share a disk.</source>
        <translation>“%1”正在使用此映像；两台虚拟机不能共用一个磁盘。</translation>
    </message>
    <message>
        <source>“%1” has no disk %2.</source>
        <translation>“%1”没有磁盘 %2。</translation>
    </message>
</context>
<context>
    <name>DiskCheckReport</name>
    <message>
        <source>qemu-img check printed no report.</source>
        <translation>qemu-img check 没有输出报告。</translation>
    </message>
    <message>
        <source>%1 images have no metadata that could be checked; there is nothing to repair.</source>
        <translation>%1 映像没有可检查的元数据，无需修复。</translation>
    </message>
    <message>
        <source>No errors were found.</source>
        <translation>未发现错误。</translation>
    </message>
    <message>
        <source>Corruptions: %1. The image&apos;s tables point to the wrong places and data may be lost; restore it from a backup, or repair a copy with qemu-img check -r all.</source>
        <translation>损坏：%1 处。映像的表指向了错误的位置，数据可能丢失；请从备份恢复，或复制一份后用 qemu-img check -r all 修复副本。</translation>
    </message>
    <message>
        <source>Parts that could not be read: %1; the check is incomplete.</source>
        <translation>无法读取的部分：%1 处；检查不完整。</translation>
    </message>
    <message>
        <source>Leaked clusters: %1. They waste space but do not harm the data; qemu-img check -r leaks frees them while no VM uses the image.</source>
        <translation>泄漏的簇：%1 个。它们浪费空间，但不损害数据；在没有虚拟机使用该映像时，qemu-img check -r leaks 可以释放它们。</translation>
    </message>
</context>
<context>
    <name>DiskImageInfo</name>
    <message>
        <source>qemu-img printed something that is not JSON: %1</source>
        <translation>qemu-img 输出的内容不是 JSON：%1</translation>
    </message>
    <message>
        <source>qemu-img&apos;s output does not describe an image.</source>
        <translation>qemu-img 的输出没有描述一个映像。</translation>
    </message>
</context>
<context>
    <name>DiskImageJob</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Choose a file name for the new image.</source>
        <translation>请为新映像选择文件名。</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name inside it.</source>
        <translation>%1 是一个文件夹；请在其中选择一个文件名。</translation>
    </message>
    <message>
        <source>%1 exists already. Choose another name, or confirm that it may be replaced.</source>
        <translation>%1 已存在。请换一个名称，或确认可以替换它。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>You cannot write to the folder %1.</source>
        <translation>您无法写入文件夹 %1。</translation>
    </message>
    <message>
        <source>Berth creates qcow2 or raw images, not &quot;%1&quot;.</source>
        <translation>Berth 只创建 qcow2 或 raw 映像，不支持“%1”。</translation>
    </message>
    <message>
        <source>Give the new image a size.</source>
        <translation>请为新映像指定大小。</translation>
    </message>
    <message>
        <source>Metadata preallocation exists only for qcow2 images; choose off, falloc or full for a raw image.</source>
        <translation>元数据预分配（metadata）仅适用于 qcow2 映像；raw 映像请选择 off、falloc 或 full。</translation>
    </message>
    <message>
        <source>A linked clone must be a qcow2 image: a raw image cannot have a base.</source>
        <translation>链接克隆必须是 qcow2 映像：raw 映像不能有基础映像。</translation>
    </message>
    <message>
        <source>A linked clone cannot be preallocated: its data stays in the base image until the guest writes.</source>
        <translation>链接克隆不能预分配：在客户机写入之前，它的数据都保留在基础映像中。</translation>
    </message>
    <message>
        <source>The base image %1 does not exist.</source>
        <translation>基础映像 %1 不存在。</translation>
    </message>
    <message>
        <source>An image cannot be its own base; choose another name for the clone.</source>
        <translation>映像不能以自身为基础；请为克隆换一个名称。</translation>
    </message>
    <message>
        <source>Berth converts to qcow2, raw, vmdk, vdi or vhdx, not &quot;%1&quot;.</source>
        <translation>Berth 只能转换为 qcow2、raw、vmdk、vdi 或 vhdx，不支持“%1”。</translation>
    </message>
    <message>
        <source>%1 images cannot be compressed; only qcow2 and vmdk can. Convert without compression, or to qcow2.</source>
        <translation>%1 映像不能压缩，只有 qcow2 和 vmdk 可以。请不压缩转换，或转换为 qcow2。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>The source and the destination are the same file; choose another destination.</source>
        <translation>源和目标是同一个文件；请选择其他目标。</translation>
    </message>
    <message>
        <source>Another disk operation is still running; wait for it or cancel it.</source>
        <translation>另一个磁盘操作仍在进行；请等待它完成或取消它。</translation>
    </message>
    <message>
        <source>%1 is open in a running QEMU. A linked clone of a base that changes would be corrupt; stop that VM first.</source>
        <translation>%1 正被一个运行中的 QEMU 打开。基础映像一旦变化，链接克隆就会损坏；请先停止该虚拟机。</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>创建 %1</translation>
    </message>
    <message>
        <source>Give the new size of %1.</source>
        <translation>请指定 %1 的新大小。</translation>
    </message>
    <message>
        <source>%1 is a %2 image, which Berth does not shrink; only raw images can be shrunk. Convert it to raw first, or keep its size (%3).</source>
        <translation>%1 是 %2 映像，Berth 不会缩小它；只有 raw 映像可以缩小。请先将其转换为 raw，或保持原大小（%3）。</translation>
    </message>
    <message>
        <source>Shrinking %1 from %2 to %3 cuts off the end of the disk and any data there. Shrink the partitions inside the guest first, then confirm the shrink.</source>
        <translation>将 %1 从 %2 缩小到 %3 会截掉磁盘末尾及其中的所有数据。请先在客户机内缩小分区，然后确认缩小。</translation>
    </message>
    <message>
        <source>Converting %1 to %2</source>
        <translation>将 %1 转换为 %2</translation>
    </message>
    <message>
        <source>%1 needs %2 free on %3, but only %4 are free. Free some space or choose another folder.</source>
        <translation>%1 需要 %3 上有 %2 的可用空间，但只有 %4 可用。请释放一些空间，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>This</source>
        <translation>此操作</translation>
    </message>
</context>
<context>
    <name>DiskImageUsers</name>
    <message>
        <source>The VM &quot;%1&quot; is running with %2. Shut %1 down first, then try again.</source>
        <translation>虚拟机“%1”正在使用 %2 运行。请先关闭 %1，然后重试。</translation>
    </message>
</context>
<context>
    <name>DiskImageWizard</name>
    <message>
        <source>New Disk Image</source>
        <translation>新建磁盘映像</translation>
    </message>
    <message>
        <source>Disk Image</source>
        <translation>磁盘映像</translation>
    </message>
    <message>
        <source>Make a new disk image, bring in one you have, or clone a base image.</source>
        <translation>新建磁盘映像、导入已有映像，或克隆一个基础映像。</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Attach the image to a virtual machine, or keep it for later.</source>
        <translation>把映像挂接到虚拟机，或留待以后使用。</translation>
    </message>
    <message>
        <source>&amp;Keep it as a standalone image</source>
        <translation>作为独立映像保留(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Attach it to a virtual machine:</source>
        <translation>挂接到虚拟机(&amp;A)：</translation>
    </message>
    <message>
        <source>VirtIO (fastest)</source>
        <translation>VirtIO（最快）</translation>
    </message>
    <message>
        <source>Linux has the drivers built in; Windows needs the virtio drivers</source>
        <translation>Linux 自带驱动；Windows 需要安装 virtio 驱动</translation>
    </message>
    <message>
        <source>SATA (any system)</source>
        <translation>SATA（任何系统）</translation>
    </message>
    <message>
        <source>IDE (old systems)</source>
        <translation>IDE（旧系统）</translation>
    </message>
    <message>
        <source>SCSI (virtio-scsi)</source>
        <translation>SCSI（virtio-scsi）</translation>
    </message>
    <message>
        <source>&amp;Virtual machine:</source>
        <translation>虚拟机(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Bus:</source>
        <translation>总线(&amp;B)：</translation>
    </message>
    <message>
        <source>There is no virtual machine to attach it to.</source>
        <translation>没有可挂接的虚拟机。</translation>
    </message>
    <message>
        <source>Choose a virtual machine.</source>
        <translation>请选择一台虚拟机。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Check what will be done, then click Create.</source>
        <translation>请确认将要执行的操作，然后点击“创建”。</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
    <message>
        <source>The image is kept on its own; attach it to a VM later from its settings or with this wizard.</source>
        <translation>映像将单独保留；以后可在虚拟机设置中或用本向导把它挂接到虚拟机。</translation>
    </message>
    <message>
        <source>It is attached to “%1” on the %2 bus.</source>
        <translation>它将通过 %2 总线挂接到“%1”。</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>正在处理</translation>
    </message>
    <message>
        <source>qemu-img is at work; Stop ends it and removes what it wrote.</source>
        <translation>qemu-img 正在工作；“停止”会结束它并删除已写入的内容。</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>%1 (running)</source>
        <translation>%1（正在运行）</translation>
    </message>
    <message>
        <source>The image %1 was made, but it could not be attached: %2</source>
        <translation>映像 %1 已创建，但无法挂接：%2</translation>
    </message>
    <message>
        <source>Not Done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有做任何更改。</translation>
    </message>
    <message>
        <source>The disk image is ready.</source>
        <translation>磁盘映像已就绪。</translation>
    </message>
    <message>
        <source>Stopped; nothing was kept. Go back to change the settings, or close the wizard.</source>
        <translation>已停止，未保留任何内容。可以返回修改设置，或关闭向导。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Done: %1 is ready.</source>
        <translation>完成：%1 已就绪。</translation>
    </message>
    <message>
        <source>Done: %1 is attached to “%2”.</source>
        <translation>完成：%1 已挂接到“%2”。</translation>
    </message>
</context>
<context>
    <name>DiskListEditor</name>
    <message>
        <source>VirtIO (fastest)</source>
        <translation>VirtIO（最快）</translation>
    </message>
    <message>
        <source>SATA</source>
        <translation>SATA</translation>
    </message>
    <message>
        <source>IDE (oldest systems)</source>
        <translation>IDE（很旧的系统）</translation>
    </message>
    <message>
        <source>SCSI (VirtIO SCSI)</source>
        <translation>SCSI（VirtIO SCSI）</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>De&amp;tach</source>
        <translation>分离(&amp;T)</translation>
    </message>
    <message>
        <source>Resi&amp;ze…</source>
        <translation>调整大小(&amp;Z)…</translation>
    </message>
    <message>
        <source>Boot &amp;Earlier</source>
        <translation>提前引导(&amp;E)</translation>
    </message>
    <message>
        <source>Boot La&amp;ter</source>
        <translation>推后引导(&amp;T)</translation>
    </message>
    <message>
        <source>Boot</source>
        <translation>引导顺序</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>映像</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>总线</translation>
    </message>
    <message>
        <source>In boot order: the first disk boots first, the CD-ROM after the disks</source>
        <translation>按引导顺序排列：第一个磁盘最先引导，光驱在所有磁盘之后</translation>
    </message>
    <message>
        <source>How the guest sees the selected disk. VirtIO needs drivers on Windows; use SATA there until they are installed.</source>
        <translation>客户机看到所选磁盘的方式。Windows 上 VirtIO 需要驱动；安装驱动之前请使用 SATA。</translation>
    </message>
    <message>
        <source>Create, import or clone an image for this VM (saved in its folder)</source>
        <translation>为此虚拟机创建、导入或克隆映像（保存在它的文件夹中）</translation>
    </message>
    <message>
        <source>Take the selected disk out of the VM; its image file is kept</source>
        <translation>从虚拟机中移除所选磁盘；其映像文件会保留</translation>
    </message>
    <message>
        <source>Make the selected disk&apos;s image larger</source>
        <translation>增大所选磁盘的映像</translation>
    </message>
    <message>
        <source>B&amp;us:</source>
        <translation>总线(&amp;U)：</translation>
    </message>
    <message>
        <source>No disks</source>
        <translation>没有磁盘</translation>
    </message>
</context>
<context>
    <name>DiskPlan</name>
    <message>
        <source>space taken as the guest writes</source>
        <translation>随客户机写入占用空间</translation>
    </message>
    <message>
        <source>metadata written ahead</source>
        <translation>预先写入元数据</translation>
    </message>
    <message>
        <source>all space reserved now</source>
        <translation>立即预留全部空间</translation>
    </message>
    <message>
        <source>all space written now</source>
        <translation>立即写满全部空间</translation>
    </message>
    <message>
        <source>No disk.</source>
        <translation>没有磁盘。</translation>
    </message>
    <message>
        <source>Create a new %1 %2 image (%3) at %4.</source>
        <translation>在 %4 新建 %1 的 %2 映像（%3）。</translation>
    </message>
    <message>
        <source>Use the %1 image %2 where it is.</source>
        <translation>在原位置使用 %1 映像 %2。</translation>
    </message>
    <message>
        <source>Copy %1 to %2 (%3).</source>
        <translation>把 %1 复制到 %2（%3）。</translation>
    </message>
    <message>
        <source>Convert %1 to a qcow2 image at %2.</source>
        <translation>把 %1 转换为位于 %2 的 qcow2 映像。</translation>
    </message>
    <message>
        <source>Create %1, a linked clone of %2 (the base image must stay unchanged).</source>
        <translation>创建 %1，它是 %2 的链接克隆（基础映像之后不能再改动）。</translation>
    </message>
</context>
<context>
    <name>DiskResizeDialog</name>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Resize Disk</source>
        <translation>调整磁盘大小</translation>
    </message>
    <message>
        <source>e.g. 40G</source>
        <translation>例如 40G</translation>
    </message>
    <message>
        <source>&amp;Resize</source>
        <translation>调整大小(&amp;R)</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>映像：</translation>
    </message>
    <message>
        <source>Size now:</source>
        <translation>当前大小：</translation>
    </message>
    <message>
        <source>&amp;New size:</source>
        <translation>新大小(&amp;N)：</translation>
    </message>
    <message>
        <source>The disk grows; the guest&apos;s partitions and file systems do not. Grow them inside the guest afterwards.</source>
        <translation>磁盘会变大，但客户机的分区和文件系统不会。之后请在客户机内扩展它们。</translation>
    </message>
    <message>
        <source>Type a size such as 40G or 512M.</source>
        <translation>请输入 40G 或 512M 这样的大小。</translation>
    </message>
    <message>
        <source>The new size must be larger than %1.</source>
        <translation>新大小必须大于 %1。</translation>
    </message>
</context>
<context>
    <name>DiskSetupForm</name>
    <message>
        <source>Disk images</source>
        <translation>磁盘映像</translation>
    </message>
    <message>
        <source>Create a &amp;new disk image</source>
        <translation>新建磁盘映像(&amp;N)</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>qcow2 (snapshots, grows as needed)</source>
        <translation>qcow2（支持快照，按需增长）</translation>
    </message>
    <message>
        <source>raw (simplest, fastest, no snapshots)</source>
        <translation>raw（最简单、最快，不支持快照）</translation>
    </message>
    <message>
        <source>None: space is taken as the guest writes</source>
        <translation>不预分配：随客户机写入占用空间</translation>
    </message>
    <message>
        <source>Metadata: qcow2 tables written now</source>
        <translation>元数据：立即写入 qcow2 表</translation>
    </message>
    <message>
        <source>Reserve: all space set aside now (fast)</source>
        <translation>预留：立即预留全部空间（快）</translation>
    </message>
    <message>
        <source>Full: all space written now (slow)</source>
        <translation>完全：立即写满全部空间（慢）</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>大小(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Preallocation:</source>
        <translation>预分配(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Import an existing disk image</source>
        <translation>导入已有的磁盘映像(&amp;I)</translation>
    </message>
    <message>
        <source>Use an &amp;existing disk image</source>
        <translation>使用已有的磁盘映像(&amp;E)</translation>
    </message>
    <message>
        <source>Choose a Disk Image</source>
        <translation>选择磁盘映像</translation>
    </message>
    <message>
        <source>A qcow2, raw, vmdk, vdi or vhdx image</source>
        <translation>qcow2、raw、vmdk、vdi 或 vhdx 映像</translation>
    </message>
    <message>
        <source>Use it where it &amp;is</source>
        <translation>在原位置使用(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Copy it</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Con&amp;vert it to qcow2</source>
        <translation>转换为 qcow2(&amp;V)</translation>
    </message>
    <message>
        <source>A qcow2 copy can hold snapshots; the original stays untouched</source>
        <translation>qcow2 副本可以保存快照；原映像保持不变</translation>
    </message>
    <message>
        <source>&amp;Linked clone of a base image</source>
        <translation>基础映像的链接克隆(&amp;L)</translation>
    </message>
    <message>
        <source>A small qcow2 image that stores only what differs from the base image; the base must stay unchanged afterwards</source>
        <translation>一个只保存与基础映像差异的小 qcow2 映像；之后基础映像不能再改动</translation>
    </message>
    <message>
        <source>Choose the Base Image</source>
        <translation>选择基础映像</translation>
    </message>
    <message>
        <source>N&amp;o disk (add one later)</source>
        <translation>不要磁盘（以后再添加）(&amp;O)</translation>
    </message>
    <message>
        <source>Save the Disk Image As</source>
        <translation>磁盘映像另存为</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>保存为(&amp;A)：</translation>
    </message>
    <message>
        <source>A raw image has no metadata to preallocate; choose another preallocation or qcow2.</source>
        <translation>raw 映像没有可预分配的元数据；请选择其他预分配方式或 qcow2。</translation>
    </message>
    <message>
        <source>Choose the disk image to use.</source>
        <translation>请选择要使用的磁盘映像。</translation>
    </message>
    <message>
        <source>Choose the base image to clone.</source>
        <translation>请选择要克隆的基础映像。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 无法使用：%2</translation>
    </message>
    <message>
        <source>“%1” is running with %2; shut it down first.</source>
        <translation>“%1”正在使用 %2 运行；请先将其关机。</translation>
    </message>
    <message>
        <source>Choose where to save the new image.</source>
        <translation>请选择新映像的保存位置。</translation>
    </message>
    <message>
        <source>%1 image · %2 for the guest · %3 on disk</source>
        <translation>%1 映像 · 客户机可见 %2 · 占用磁盘 %3</translation>
    </message>
    <message>
        <source>backed by %1</source>
        <translation>后备文件 %1</translation>
    </message>
</context>
<context>
    <name>DisplayPage</name>
    <message>
        <source>Waiting for the screen…</source>
        <translation>正在等待屏幕…</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Scale the screen to the window (unchecked: one guest pixel per pixel)</source>
        <translation>将屏幕缩放到窗口大小（不勾选：客户机的一个像素对应一个屏幕像素）</translation>
    </message>
    <message>
        <source>Send &amp;Key</source>
        <translation>发送按键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Screenshot…</source>
        <translation>截图(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the screen as a PNG image</source>
        <translation>将屏幕保存为 PNG 图像</translation>
    </message>
    <message>
        <source>&amp;Detach</source>
        <translation>分离(&amp;D)</translation>
    </message>
    <message>
        <source>Show the screen in its own window</source>
        <translation>在单独的窗口中显示屏幕</translation>
    </message>
    <message>
        <source>S&amp;hortcut…</source>
        <translation>快捷方式(&amp;H)…</translation>
    </message>
    <message>
        <source>Create a desktop launcher that opens only this VM&apos;s screen</source>
        <translation>创建一个只打开此虚拟机屏幕的桌面启动器</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>“%1” is not running, or its screen cannot be reached.
Waiting for it…</source>
        <translation>“%1”未在运行，或无法连接到它的屏幕。
正在等待…</translation>
    </message>
    <message>
        <source>Connecting to the screen of “%1”…</source>
        <translation>正在连接“%1”的屏幕…</translation>
    </message>
    <message>
        <source>No virtual machine selected.</source>
        <translation>未选择虚拟机。</translation>
    </message>
    <message>
        <source>“%1” has crashed. Start it again to see its screen.</source>
        <translation>“%1”已崩溃。重新启动它以查看其屏幕。</translation>
    </message>
    <message>
        <source>“%1” is not running. Start it to see its screen.</source>
        <translation>“%1”未在运行。启动它以查看其屏幕。</translation>
    </message>
    <message>
        <source>Cannot show the screen of “%1”: %2
Trying again…</source>
        <translation>无法显示“%1”的屏幕：%2
正在重试…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Del</source>
        <translation>Ctrl+Alt+Del</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Backspace</source>
        <translation>Ctrl+Alt+Backspace</translation>
    </message>
    <message>
        <source>Ctrl+Alt+F&amp;n</source>
        <translation>Ctrl+Alt+F&amp;n</translation>
    </message>
    <message>
        <source>Ctrl+Alt+F%1</source>
        <translation>Ctrl+Alt+F%1</translation>
    </message>
    <message>
        <source>Print Screen</source>
        <translation>Print Screen</translation>
    </message>
    <message>
        <source>&amp;Custom Combination…</source>
        <translation>自定义组合键(&amp;C)…</translation>
    </message>
    <message>
        <source>Send Key Combination</source>
        <translation>发送组合键</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Press the keys to send to the VM:</source>
        <translation>按下要发送给虚拟机的按键：</translation>
    </message>
    <message>
        <source>There is no screen to save.</source>
        <translation>没有可保存的屏幕。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Created %1.
It opens “%2” in a window of its own.</source>
        <translation>已创建 %1。
它会在单独的窗口中打开“%2”。</translation>
    </message>
    <message>
        <source>Save Screenshot</source>
        <translation>保存截图</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Show only the screen (%1; the same keys leave)</source>
        <translation>只显示屏幕（%1；按相同的键退出）</translation>
    </message>
    <message>
        <source>Nothing to save: the VM is not running</source>
        <translation>没有可保存的内容：虚拟机未在运行</translation>
    </message>
    <message>
        <source>Nothing to save yet: the screen has not arrived</source>
        <translation>暂时没有可保存的内容：尚未收到屏幕画面</translation>
    </message>
    <message>
        <source>The screen of “%1” is shown in its own window.</source>
        <translation>“%1”的屏幕显示在单独的窗口中。</translation>
    </message>
    <message>
        <source>Bring It &amp;Back</source>
        <translation>移回此处(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>Create Shortcut</source>
        <translation>创建快捷方式</translation>
    </message>
    <message>
        <source>Created %1.
It opens “%2” full screen.</source>
        <translation>已创建 %1。
它会以全屏方式打开“%2”。</translation>
    </message>
</context>
<context>
    <name>DisplayView</name>
    <message>
        <source>The keyboard goes to the VM. Press Ctrl+Alt+G to release it.</source>
        <translation>键盘输入将发送给虚拟机。按 Ctrl+Alt+G 释放。</translation>
    </message>
    <message>
        <source>Waiting for the screen…</source>
        <translation>正在等待屏幕…</translation>
    </message>
    <message>
        <source>F11 or Ctrl+Alt+F</source>
        <translation>F11 或 Ctrl+Alt+F</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <source>%1 — Berth</source>
        <translation>%1 — Berth</translation>
    </message>
    <message>
        <source>Full screen. Press %1 to leave; move the pointer to the top for the toolbar.</source>
        <translation>全屏。按 %1 退出；将指针移到顶部可显示工具栏。</translation>
    </message>
</context>
<context>
    <name>FilePathEdit</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>%1 is not an absolute path.</source>
        <translation>%1 不是绝对路径。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 is a folder; add a file name.</source>
        <translation>%1 是文件夹；请加上文件名。</translation>
    </message>
    <message>
        <source>%1 exists already; choose another name.</source>
        <translation>%1 已存在；请换一个名称。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>The folder %1 is not writable.</source>
        <translation>文件夹 %1 不可写。</translation>
    </message>
</context>
<context>
    <name>HostCapabilities</name>
    <message>
        <source>%1 does not exist: KVM is not available on this host (no hardware virtualisation, or the kvm module is not loaded)</source>
        <translation>%1 不存在：本机无法使用 KVM（没有硬件虚拟化，或未加载 kvm 模块）</translation>
    </message>
    <message>
        <source>%1 is not accessible: add your user to the &quot;kvm&quot; group</source>
        <translation>无法访问 %1：请将您的用户加入“kvm”组</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
</context>
<context>
    <name>HostNetwork</name>
    <message>
        <source>Host port %1/%2 on %3 is in use by another program: choose another host port, or stop that program.</source>
        <translation>主机端口 %1/%2（%3）已被其他程序占用：请换一个主机端口，或停止该程序。</translation>
    </message>
    <message>
        <source>Host port %1/%2 is below 1024, which only root may listen on: choose a host port from 1024 up (the guest port may stay %3).</source>
        <translation>主机端口 %1/%2 低于 1024，只有 root 才能监听：请选择 1024 及以上的主机端口（客户机端口可以仍为 %3）。</translation>
    </message>
    <message>
        <source>%1 is not an address of this computer: a forward listens on 127.0.0.1, 0.0.0.0 (every address) or one of this computer&apos;s own addresses.</source>
        <translation>%1 不是本机的地址：转发只能监听 127.0.0.1、0.0.0.0（所有地址）或本机自己的地址。</translation>
    </message>
    <message>
        <source>Cannot listen on host port %1/%2 on %3: %4</source>
        <translation>无法监听主机端口 %1/%2（%3）：%4</translation>
    </message>
    <message>
        <source>Bridged networking needs qemu-bridge-helper, which is not at %1: install the qemu-system-common package.</source>
        <translation>桥接网络需要 qemu-bridge-helper，但 %1 不存在：请安装 qemu-system-common 软件包。</translation>
    </message>
    <message>
        <source>%1 must be setuid root to plug a VM into a bridge: run &quot;sudo chmod u+s %1&quot; (or use a NAT or private network).</source>
        <translation>%1 必须设置 setuid root 才能将虚拟机接入网桥：请运行“sudo chmod u+s %1”（或改用 NAT 或私有网络）。</translation>
    </message>
    <message>
        <source>There is no bridge &quot;%1&quot; on this computer: create it first (for example with NetworkManager, or as root: ip link add %1 type bridge), or choose an existing one.</source>
        <translation>本机没有网桥“%1”：请先创建（例如用 NetworkManager，或以 root 运行：ip link add %1 type bridge），或选择已有的网桥。</translation>
    </message>
    <message>
        <source>qemu-bridge-helper may not use the bridge &quot;%1&quot;: as root, add the line &quot;allow %1&quot; to %2 (create the file if it is missing).</source>
        <translation>qemu-bridge-helper 不允许使用网桥“%1”：请以 root 身份在 %2 中加入一行“allow %1”（文件不存在时请创建）。</translation>
    </message>
</context>
<context>
    <name>HostResourcesDialog</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/秒</translation>
    </message>
    <message>
        <source>Host Resources</source>
        <translation>主机资源</translation>
    </message>
    <message>
        <source>CPU weight: %1 (with a limit: %2) · CPU limit: %3 · affinity: %4</source>
        <translation>CPU 权重：%1（有上限时：%2）· CPU 上限：%3 · 亲和性：%4</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Guest uses</source>
        <translation>客户机已用</translation>
    </message>
    <message>
        <source>CPU weight</source>
        <translation>CPU 权重</translation>
    </message>
    <message>
        <source>CPU limit</source>
        <translation>CPU 上限</translation>
    </message>
    <message>
        <source>vCPUs on</source>
        <translation>vCPU 所在</translation>
    </message>
    <message>
        <source>Disk limits</source>
        <translation>磁盘限制</translation>
    </message>
    <message>
        <source>%1 CPUs · memory %2, %3 available · given to running VMs %4 of %5 (overcommit ratio %6)</source>
        <translation>%1 个 CPU · 内存 %2，可用 %3 · 已分配给运行中的虚拟机 %4 / %5（超配比 %6）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>读 %1</translation>
    </message>
    <message>
        <source>write %1</source>
        <translation>写 %1</translation>
    </message>
    <message>
        <source>%1 operations/s</source>
        <translation>%1 次操作/秒</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Memory balancer: off (Preferences). When on, it moves memory between running guests through their balloons when this computer runs short.</source>
        <translation>内存均衡器：关（见“首选项”）。开启后，本机内存不足时它会通过气球设备在运行中的客户机之间调配内存。</translation>
    </message>
    <message>
        <source>Memory balancer: on. It reclaims from the guest with the most free memory when less than %1 is available, and gives memory back to a guest running short.</source>
        <translation>内存均衡器：开。可用内存少于 %1 时，它从空闲内存最多的客户机回收内存，并把内存还给内存不足的客户机。</translation>
    </message>
    <message>
        <source>%1  %2: %3 → %4 (%5)</source>
        <translation>%1  %2：%3 → %4（%5）</translation>
    </message>
    <message>
        <source>No balancer actions yet.</source>
        <translation>均衡器尚无操作。</translation>
    </message>
    <message>
        <source>No virtual machine is running. Running ones are listed here with the memory, CPU share and disk limits they are given.</source>
        <translation>没有正在运行的虚拟机。运行中的虚拟机会列在这里，并显示分配给它们的内存、CPU 份额和磁盘限制。</translation>
    </message>
</context>
<context>
    <name>HostSummary</name>
    <message>
        <source>Host CPU %1 %</source>
        <translation>主机 CPU %1 %</translation>
    </message>
    <message>
        <source>VM memory %1 of %2: overcommitted</source>
        <translation>虚拟机内存 %1 / %2：已超额分配</translation>
    </message>
    <message>
        <source>VM memory %1 of %2</source>
        <translation>虚拟机内存 %1 / %2</translation>
    </message>
    <message>
        <source>The host&apos;s %1 CPU cores are %2 % busy; the running VMs&apos; QEMU processes take %3 % of one core together.
%4 running VMs were given %5 of memory; the host has %6, of which %7 is available now.</source>
        <translation>主机的 %1 个 CPU 核心繁忙度为 %2 %；运行中虚拟机的 QEMU 进程合计占用一个核心的 %3 %。
%4 台运行中的虚拟机共分配了 %5 内存；主机共有 %6，当前可用 %7。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&lt;h3&gt;No virtual machines yet&lt;/h3&gt;&lt;p&gt;Create one to install an operating system from an ISO image, or to boot a Linux kernel directly.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;还没有虚拟机&lt;/h3&gt;&lt;p&gt;新建一台虚拟机，从 ISO 映像安装操作系统，或直接引导 Linux 内核。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;New VM…</source>
        <translation>新建虚拟机(&amp;N)…</translation>
    </message>
    <message>
        <source>Berth</source>
        <translation>Berth</translation>
    </message>
    <message>
        <source>Saved the settings of “%1”.</source>
        <translation>已保存“%1”的设置。</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Virtual Machine</source>
        <translation>虚拟机(&amp;V)</translation>
    </message>
    <message>
        <source>Virtual Machine</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <source>Vie&amp;w</source>
        <translation>查看(&amp;W)</translation>
    </message>
    <message>
        <source>Show &amp;Toolbar</source>
        <translation>显示工具栏(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Dismiss Message</source>
        <translation>关闭消息(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Berth</source>
        <translation>关于 Berth(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Created “%1”.</source>
        <translation>已创建“%1”。</translation>
    </message>
    <message>
        <source>About Berth</source>
        <translation>关于 Berth</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Berth %1&lt;/h2&gt;&lt;p&gt;A desktop manager for QEMU/KVM virtual machines.&lt;/p&gt;&lt;p&gt;Berth talks to QEMU directly over QMP and shows each guest&apos;s screen in its window.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Berth %1&lt;/h2&gt;&lt;p&gt;QEMU/KVM 虚拟机桌面管理器。&lt;/p&gt;&lt;p&gt;Berth 直接通过 QMP 与 QEMU 通信，并在窗口中显示每台客户机的屏幕。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>基于 Qt %1 构建，运行于 Qt %2。</translation>
    </message>
    <message numerus="yes">
        <source>%n virtual machine(s)</source>
        <translation>
            <numerusform>%n 台虚拟机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n running</source>
        <translation>
            <numerusform>%1，%n 台正在运行</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Virtual Machines Are Running</source>
        <translation>虚拟机正在运行</translation>
    </message>
    <message numerus="yes">
        <source>%n virtual machine(s) will keep running after Berth closes.</source>
        <translation>
            <numerusform>Berth 关闭后，%n 台虚拟机将继续运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>In the tray, Berth can show their screens and tell you when one stops unexpectedly.</source>
        <translation>留在托盘中时，Berth 可以显示它们的屏幕，并在某台虚拟机意外停止时通知您。</translation>
    </message>
    <message>
        <source>Open Berth again to see their screens.</source>
        <translation>再次打开 Berth 即可查看它们的屏幕。</translation>
    </message>
    <message>
        <source>Keep in &amp;Tray</source>
        <translation>留在托盘(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Quit Berth</source>
        <translation>退出 Berth(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Remember my choice</source>
        <translation>记住我的选择(&amp;R)</translation>
    </message>
    <message>
        <source>New &amp;Disk Image…</source>
        <translation>新建磁盘映像(&amp;D)…</translation>
    </message>
    <message>
        <source>Create, import or clone a disk image</source>
        <translation>新建、导入或克隆磁盘映像</translation>
    </message>
    <message>
        <source>Add &amp;Disk…</source>
        <translation>添加磁盘(&amp;D)…</translation>
    </message>
    <message>
        <source>Give the virtual machine another disk (while it is shut down)</source>
        <translation>为虚拟机添加一块磁盘（需在关机状态）</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>已创建 %1。</translation>
    </message>
    <message>
        <source>Added %1 to “%2”.</source>
        <translation>已把 %1 添加到“%2”。</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n paused</source>
        <translation>
            <numerusform>%1，%n 台已暂停</numerusform>
        </translation>
    </message>
    <message>
        <source>Private &amp;Networks…</source>
        <translation>私有网络(&amp;N)…</translation>
    </message>
    <message>
        <source>Networks between VMs that nothing else can see</source>
        <translation>其他任何地方都看不到的虚拟机间网络</translation>
    </message>
    <message>
        <source>&amp;Host Resources…</source>
        <translation>主机资源(&amp;H)…</translation>
    </message>
</context>
<context>
    <name>MemoryAdmission</name>
    <message>
        <source>Starting “%1” (%2 MiB) would give the running virtual machines %3 MiB of memory (%4 MiB already), more than this computer can back: %5 MiB of memory × overcommit ratio %6 = %7 MiB. Stop another VM, give “%1” less memory, or raise the overcommit ratio.</source>
        <translation>启动“%1”（%2 MiB）后，运行中的虚拟机将共获得 %3 MiB 内存（已有 %4 MiB），超过本机所能承载的量：%5 MiB 内存 × 超配比 %6 = %7 MiB。请停止另一台虚拟机、减少“%1”的内存，或提高超配比。</translation>
    </message>
    <message>
        <source>“%1” is given %2 MiB of memory, but only %3 MiB is available on this computer now. It may slow down the host, or be ended when memory runs out.</source>
        <translation>“%1”分配了 %2 MiB 内存，但本机当前只有 %3 MiB 可用。它可能拖慢主机，或在内存耗尽时被终止。</translation>
    </message>
</context>
<context>
    <name>MemoryBalancer</name>
    <message>
        <source>the host had %1 MiB available, below %2 MiB; “%3” had %4 MiB free</source>
        <translation>主机可用 %1 MiB，低于 %2 MiB；“%3”有 %4 MiB 空闲</translation>
    </message>
    <message>
        <source>“%1” had only %2 MiB available; the host has %3 MiB</source>
        <translation>“%1”只有 %2 MiB 可用；主机有 %3 MiB</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>MonitorConnection</name>
    <message>
        <source>it did not answer</source>
        <translation>它没有应答</translation>
    </message>
</context>
<context>
    <name>NetworkCommandLine</name>
    <message>
        <source>%1 and %2 have the same MAC address %3 on %4: give one of them another (berth set %1 --network %4,mac=52:54:00:...).</source>
        <translation>%1 和 %2 在 %4 上的 MAC 地址相同（%3）：请为其中一台换一个地址（berth set %1 --network %4,mac=52:54:00:...）。</translation>
    </message>
</context>
<context>
    <name>NetworkEditor</name>
    <message>
        <source>NAT (the internet through this computer)</source>
        <translation>NAT（经由本机访问互联网）</translation>
    </message>
    <message>
        <source>Private network “%1”</source>
        <translation>私有网络“%1”</translation>
    </message>
    <message>
        <source>Bridge “%1”</source>
        <translation>网桥“%1”</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>连接到</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC 地址</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Listens on</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>Host ports</source>
        <translation>主机端口</translation>
    </message>
    <message>
        <source>Guest ports</source>
        <translation>客户机端口</translation>
    </message>
    <message>
        <source>Network &amp;cards:</source>
        <translation>网卡(&amp;C)：</translation>
    </message>
    <message>
        <source>Add Car&amp;d</source>
        <translation>添加网卡(&amp;D)</translation>
    </message>
    <message>
        <source>Remove Card</source>
        <translation>移除网卡</translation>
    </message>
    <message>
        <source>&amp;Port forwards (NAT card):</source>
        <translation>端口转发（NAT 网卡）(&amp;P)：</translation>
    </message>
    <message>
        <source>Add &amp;Forward</source>
        <translation>添加转发(&amp;F)</translation>
    </message>
    <message>
        <source>Remove Forward</source>
        <translation>移除转发</translation>
    </message>
    <message>
        <source>Empty: Berth gives the card an address of its own when it is saved.</source>
        <translation>留空：保存时 Berth 会为该网卡分配一个专属地址。</translation>
    </message>
    <message>
        <source>Card %1: “%2” is not a MAC address such as 52:54:00:12:34:56.</source>
        <translation>网卡 %1：“%2”不是 MAC 地址（例如 52:54:00:12:34:56）。</translation>
    </message>
    <message>
        <source>Forward %1, host ports: %2</source>
        <translation>转发 %1 的主机端口：%2</translation>
    </message>
    <message>
        <source>Forward %1, guest ports: %2</source>
        <translation>转发 %1 的客户机端口：%2</translation>
    </message>
    <message>
        <source>Forward %1: the host and guest ranges must have as many ports.</source>
        <translation>转发 %1：主机端口范围与客户机端口范围的端口数必须相同。</translation>
    </message>
    <message>
        <source>Forwards listen on 127.0.0.1: only programs on this computer can connect.</source>
        <translation>转发监听 127.0.0.1：只有本机上的程序可以连接。</translation>
    </message>
    <message>
        <source>Some forwards listen on %1: other computers that reach this address can connect to the guest.</source>
        <translation>部分转发监听 %1：能访问该地址的其他计算机可以连接到客户机。</translation>
    </message>
</context>
<context>
    <name>NewVmWizard</name>
    <message>
        <source>New Virtual Machine</source>
        <translation>新建虚拟机</translation>
    </message>
    <message>
        <source>Installation Media</source>
        <translation>安装介质</translation>
    </message>
    <message>
        <source>What the new virtual machine starts from.</source>
        <translation>新虚拟机从什么启动。</translation>
    </message>
    <message>
        <source>An &amp;ISO image (an installer or a live system)</source>
        <translation>ISO 映像（安装程序或 Live 系统）(&amp;I)</translation>
    </message>
    <message>
        <source>An existing &amp;disk image with a system on it</source>
        <translation>已装有系统的磁盘映像(&amp;D)</translation>
    </message>
    <message>
        <source>A Linux &amp;kernel (direct boot)</source>
        <translation>Linux 内核（直接引导）(&amp;K)</translation>
    </message>
    <message>
        <source>Choose an ISO Image</source>
        <translation>选择 ISO 映像</translation>
    </message>
    <message>
        <source>ISO images (*.iso)</source>
        <translation>ISO 映像 (*.iso)</translation>
    </message>
    <message>
        <source>Choose a Disk Image</source>
        <translation>选择磁盘映像</translation>
    </message>
    <message>
        <source>Disk images (*.qcow2 *.img *.raw *.vmdk *.vdi *.vhdx)</source>
        <translation>磁盘映像 (*.qcow2 *.img *.raw *.vmdk *.vdi *.vhdx)</translation>
    </message>
    <message>
        <source>Choose a Kernel</source>
        <translation>选择内核</translation>
    </message>
    <message>
        <source>Kernels (vmlinuz* bzImage*)</source>
        <translation>内核 (vmlinuz* bzImage*)</translation>
    </message>
    <message>
        <source>Choose an Initrd</source>
        <translation>选择 initrd</translation>
    </message>
    <message>
        <source>Initrds (initrd* initramfs*)</source>
        <translation>initrd (initrd* initramfs*)</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>&amp;Kernel:</source>
        <translation>内核(&amp;K)：</translation>
    </message>
    <message>
        <source>I&amp;nitrd:</source>
        <translation>Initrd(&amp;N)：</translation>
    </message>
    <message>
        <source>Command &amp;line:</source>
        <translation>命令行(&amp;L)：</translation>
    </message>
    <message>
        <source>Name and Hardware</source>
        <translation>名称与硬件</translation>
    </message>
    <message>
        <source>Suggested from the installation media; change anything.</source>
        <translation>根据安装介质给出建议；都可以修改。</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>内存(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;CPUs:</source>
        <translation>CPU(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Firmware:</source>
        <translation>固件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Accelerator:</source>
        <translation>加速器(&amp;A)：</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>The disk the system is installed on, kept in the VM&apos;s folder.</source>
        <translation>安装系统所用的磁盘，保存在虚拟机的文件夹中。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Check the new virtual machine, then click Create.</source>
        <translation>请确认新虚拟机的设置，然后点击“创建”。</translation>
    </message>
    <message>
        <source>&amp;Start it when it is created</source>
        <translation>创建后立即启动(&amp;S)</translation>
    </message>
    <message>
        <source>Show its &amp;display</source>
        <translation>显示其屏幕(&amp;D)</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>名称：%1</translation>
    </message>
    <message>
        <source>System: %1</source>
        <translation>系统：%1</translation>
    </message>
    <message>
        <source>Memory: %1, CPUs: %2</source>
        <translation>内存：%1，CPU：%2</translation>
    </message>
    <message>
        <source>Firmware: %1</source>
        <translation>固件：%1</translation>
    </message>
    <message>
        <source>UEFI (with its own variables file)</source>
        <translation>UEFI（带有自己的变量文件）</translation>
    </message>
    <message>
        <source>BIOS</source>
        <translation>BIOS</translation>
    </message>
    <message>
        <source>Boots from: %1</source>
        <translation>启动自：%1</translation>
    </message>
    <message>
        <source>Boots the kernel: %1</source>
        <translation>引导内核：%1</translation>
    </message>
    <message>
        <source>Disk: %1</source>
        <translation>磁盘：%1</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>文件夹：%1</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>正在创建</translation>
    </message>
    <message>
        <source>Cancel stops it and removes whatever was made.</source>
        <translation>“取消”会停止创建并删除已生成的内容。</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <source>Recognising the system on %1…</source>
        <translation>正在识别 %1 中的系统…</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>推荐值</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>最低值</translation>
    </message>
    <message>
        <source>general</source>
        <translation>通用值</translation>
    </message>
    <message>
        <source>Recognised: %1.</source>
        <translation>已识别：%1。</translation>
    </message>
    <message>
        <source>1 CPU</source>
        <translation>1 个 CPU</translation>
    </message>
    <message>
        <source>%1 CPUs</source>
        <translation>%1 个 CPU</translation>
    </message>
    <message>
        <source> and UEFI firmware, which this system needs</source>
        <translation>，以及此系统需要的 UEFI 固件</translation>
    </message>
    <message>
        <source>For %1, Berth suggests %2 of memory (%3), %4 (%5), a %6 disk (%7)%8.</source>
        <translation>Berth 为 %1 建议：%2 内存（%3）、%4（%5）、%6 磁盘（%7）%8。</translation>
    </message>
    <message>
        <source>Berth suggests %1 of memory (%2), %3 (%4), a %5 disk (%6)%7.</source>
        <translation>Berth 建议：%1 内存（%2）、%3（%4）、%5 磁盘（%6）%7。</translation>
    </message>
    <message>
        <source>New VM</source>
        <translation>新虚拟机</translation>
    </message>
    <message>
        <source>Choose the ISO image to install from.</source>
        <translation>请选择用于安装的 ISO 映像。</translation>
    </message>
    <message>
        <source>Choose the disk image to boot.</source>
        <translation>请选择要启动的磁盘映像。</translation>
    </message>
    <message>
        <source>Choose the kernel to boot.</source>
        <translation>选择要引导的内核。</translation>
    </message>
    <message>
        <source>A VM named “%1” exists already.</source>
        <translation>名为“%1”的虚拟机已存在。</translation>
    </message>
    <message>
        <source>Creating a %1 disk image…</source>
        <translation>正在创建 %1 的磁盘映像…</translation>
    </message>
    <message>
        <source>Copying the disk image…</source>
        <translation>正在复制磁盘映像…</translation>
    </message>
    <message>
        <source>Preparing the UEFI variables…</source>
        <translation>正在准备 UEFI 变量…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>The virtual machine is in the list.</source>
        <translation>虚拟机已在列表中。</translation>
    </message>
    <message>
        <source>“%1” is ready in %2.</source>
        <translation>“%1”已在 %2 中就绪。</translation>
    </message>
    <message>
        <source>Nothing was created.</source>
        <translation>没有创建任何内容。</translation>
    </message>
    <message>
        <source>Not Created</source>
        <translation>未创建</translation>
    </message>
    <message>
        <source>Go back to change something and try again.</source>
        <translation>请返回修改后重试。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Initrd: %1</source>
        <translation>Initrd：%1</translation>
    </message>
    <message>
        <source>Kernel command line: %1</source>
        <translation>内核命令行：%1</translation>
    </message>
    <message>
        <source>Accelerator: %1</source>
        <translation>加速器：%1</translation>
    </message>
    <message>
        <source>Network: user-mode NAT on a VirtIO card</source>
        <translation>网络：VirtIO 网卡上的用户模式 NAT</translation>
    </message>
    <message>
        <source>Network: none</source>
        <translation>网络：无</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>安全：</translation>
    </message>
    <message>
        <source> and UEFI firmware, Secure Boot and a TPM 2.0, which this system needs</source>
        <translation>，以及此系统所需的 UEFI 固件、安全启动和 TPM 2.0</translation>
    </message>
</context>
<context>
    <name>OsDetector</name>
    <message>
        <source>There is no ISO image to recognise; these are Berth&apos;s general suggestions.</source>
        <translation>没有可识别的 ISO 映像；以下是 Berth 的通用建议。</translation>
    </message>
    <message>
        <source>%1 is not a bootable image, so its operating system was not recognised; these are Berth&apos;s general suggestions.</source>
        <translation>%1 不是可引导映像，因此无法识别其操作系统；以下是 Berth 的通用建议。</translation>
    </message>
    <message>
        <source>%1 could not be read as an ISO image (%2); these are Berth&apos;s general suggestions.</source>
        <translation>无法将 %1 读取为 ISO 映像（%2）；以下是 Berth 的通用建议。</translation>
    </message>
    <message>
        <source>The operating system on %1 (volume “%2”) was not recognised; these are Berth&apos;s general suggestions.</source>
        <translation>无法识别 %1（卷标“%2”）上的操作系统；以下是 Berth 的通用建议。</translation>
    </message>
    <message>
        <source>The operating system database could not be read (%1); these are Berth&apos;s general suggestions.</source>
        <translation>无法读取操作系统数据库（%1）；以下是 Berth 的通用建议。</translation>
    </message>
    <message>
        <source>The operating system on %1 was not recognised; these are Berth&apos;s general suggestions.</source>
        <translation>无法识别 %1 上的操作系统；以下是 Berth 的通用建议。</translation>
    </message>
</context>
<context>
    <name>PerformancePage</name>
    <message>
        <source>CPU (100 % = one host core)</source>
        <translation>CPU（100 % = 一个主机核心）</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Last minute</source>
        <translation>最近 1 分钟</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>最近 5 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Not available: QEMU 7.2 does not count a VM&apos;s network traffic.</source>
        <translation>不可用：QEMU 7.2 不统计虚拟机的网络流量。</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <source>Start the VM to see its performance.</source>
        <translation>启动虚拟机后即可查看其性能。</translation>
    </message>
    <message>
        <source>No measurements yet.</source>
        <translation>尚无测量数据。</translation>
    </message>
    <message>
        <source>QEMU</source>
        <translation>QEMU</translation>
    </message>
    <message>
        <source>vCPU %1</source>
        <translation>vCPU %1</translation>
    </message>
    <message>
        <source>Guest uses</source>
        <translation>客户机已用</translation>
    </message>
    <message>
        <source>QEMU on the host</source>
        <translation>QEMU 占用主机</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Guest use: not reported</source>
        <translation>客户机用量：未报告</translation>
    </message>
    <message>
        <source>The guest does not report its memory use (it needs the virtio-balloon driver); QEMU&apos;s resident memory is shown.</source>
        <translation>客户机未报告其内存使用量（需要 virtio-balloon 驱动）；此处显示 QEMU 的常驻内存。</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>This VM has no disks.</source>
        <translation>此虚拟机没有磁盘。</translation>
    </message>
    <message>
        <source>Not running; the charts show its last run.</source>
        <translation>未在运行；图表显示的是上次运行。</translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>guest uses %1 of %2</source>
        <translation>客户机已用 %1，共 %2</translation>
    </message>
    <message>
        <source>guest memory use not reported</source>
        <translation>客户机未报告内存使用量</translation>
    </message>
    <message>
        <source>QEMU holds %1</source>
        <translation>QEMU 占用 %1</translation>
    </message>
</context>
<context>
    <name>PortForwardChange</name>
    <message>
        <source>%1 is %2: change its port forwards once it runs or has stopped.</source>
        <translation>%1 正处于“%2”状态：请在它运行后或停止后再修改端口转发。</translation>
    </message>
    <message>
        <source>%1 has no forward of host port %2/%3.</source>
        <translation>%1 没有主机端口 %2/%3 的转发。</translation>
    </message>
    <message>
        <source>Lost the monitor of %1.</source>
        <translation>与 %1 的监视器失去连接。</translation>
    </message>
    <message>
        <source>QEMU refused the forward of host port %1/%2: %3</source>
        <translation>QEMU 拒绝了主机端口 %1/%2 的转发：%3</translation>
    </message>
</context>
<context>
    <name>PortabilityActions</name>
    <message>
        <source>&amp;Clone…</source>
        <translation>克隆(&amp;C)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Make a copy of the virtual machine (while it is shut down)</source>
        <translation>复制此虚拟机（需在关机状态下）</translation>
    </message>
    <message>
        <source>Write the virtual machine into one Berth bundle file (while it is shut down)</source>
        <translation>将此虚拟机写入一个 Berth 包文件（需在关机状态下）</translation>
    </message>
    <message>
        <source>Add a virtual machine from a Berth bundle file</source>
        <translation>从 Berth 包文件添加虚拟机</translation>
    </message>
    <message>
        <source>Berth bundle (*.berth)</source>
        <translation>Berth 包 (*.berth)</translation>
    </message>
    <message>
        <source>Compressed Berth bundle, smaller and slower (*.berth)</source>
        <translation>压缩的 Berth 包，更小但更慢 (*.berth)</translation>
    </message>
    <message>
        <source>Export “%1”</source>
        <translation>导出“%1”</translation>
    </message>
    <message>
        <source>Import a Virtual Machine</source>
        <translation>导入虚拟机</translation>
    </message>
    <message>
        <source>Berth bundles (*.berth);;All files (*)</source>
        <translation>Berth 包 (*.berth);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cloning “%1”…</source>
        <translation>正在克隆“%1”…</translation>
    </message>
    <message>
        <source>Made “%1”, a linked clone of “%2”.</source>
        <translation>已创建“%1”，它是“%2”的链接克隆。</translation>
    </message>
    <message>
        <source>Made “%1”, a copy of “%2”.</source>
        <translation>已创建“%1”，它是“%2”的副本。</translation>
    </message>
    <message>
        <source>Exporting “%1”…</source>
        <translation>正在导出“%1”…</translation>
    </message>
    <message>
        <source>Exported “%1” to %2.</source>
        <translation>已将“%1”导出到 %2。</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Wait for the running copy to end, or cancel it.</source>
        <translation>请等待正在进行的复制结束，或取消它。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Imported “%1”.</source>
        <translation>已导入“%1”。</translation>
    </message>
    <message>
        <source>A virtual machine with its UUID exists already: it was given a new one.</source>
        <translation>已存在使用相同 UUID 的虚拟机：已为其分配新的 UUID。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Keep Berth running in the system tray</source>
        <translation>让 Berth 在系统托盘中继续运行</translation>
    </message>
    <message>
        <source>Quit Berth; the VMs keep running</source>
        <translation>退出 Berth；虚拟机继续运行</translation>
    </message>
    <message>
        <source>Ask every time</source>
        <translation>每次都询问</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>系统默认（%1）</translation>
    </message>
    <message>
        <source>The library folder and the language change when Berth starts again.</source>
        <translation>库文件夹和语言将在 Berth 下次启动时生效。</translation>
    </message>
    <message>
        <source>&amp;Library folder:</source>
        <translation>库文件夹(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Accelerator for new VMs:</source>
        <translation>新虚拟机的加速器(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Statistics every:</source>
        <translation>统计采样间隔(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Closing the window while VMs run:</source>
        <translation>虚拟机运行时关闭窗口(&amp;C)：</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>语言(&amp;G)：</translation>
    </message>
    <message>
        <source>Choose the Library Folder</source>
        <translation>选择库文件夹</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>In use now: %1</source>
        <translation>当前使用：%1</translation>
    </message>
    <message>
        <source>In use now: %1 (chosen with --library or BERTH_LIBRARY for this session)</source>
        <translation>当前使用：%1（本次会话由 --library 或 BERTH_LIBRARY 指定）</translation>
    </message>
    <message>
        <source>&amp;Balance memory between running VMs when this computer runs short</source>
        <translation>本机内存不足时在运行中的虚拟机之间均衡内存(&amp;B)</translation>
    </message>
    <message>
        <source> × this computer&apos;s memory</source>
        <translation> × 本机内存</translation>
    </message>
    <message>
        <source>How much memory the running VMs may be given together, as a multiple of this computer&apos;s memory. Starting a VM beyond it asks first (berth start refuses it without --force).</source>
        <translation>运行中的虚拟机总共可分配多少内存，以本机内存的倍数表示。超出时启动虚拟机会先询问（berth start 不加 --force 则拒绝）。</translation>
    </message>
    <message>
        <source>Moves memory between running guests through their balloons: reclaims from guests with free memory, gives it back to a guest running short (never below its memory target).</source>
        <translation>通过气球设备在运行中的客户机之间调配内存：从有空闲内存的客户机回收，还给内存不足的客户机（绝不低于其内存目标）。</translation>
    </message>
    <message>
        <source>&amp;Memory of running VMs, at most:</source>
        <translation>运行中虚拟机的内存上限(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>PrivateNetworks</name>
    <message>
        <source>Cannot read the private networks file %1.</source>
        <translation>无法读取私有网络文件 %1。</translation>
    </message>
    <message>
        <source>The private networks file %1 is damaged; Berth leaves it as it is (move it away to start afresh).</source>
        <translation>私有网络文件 %1 已损坏；Berth 不会改动它（将其移走即可重新开始）。</translation>
    </message>
    <message>
        <source>There is no private network &quot;%1&quot;: create it first (berth network create %1).</source>
        <translation>没有名为“%1”的私有网络：请先创建（berth network create %1）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot name a network: use 1 to 32 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;.</source>
        <translation>“%1”不能用作网络名称：请使用 1 到 32 个字母、数字、“-”、“_”或“.”。</translation>
    </message>
    <message>
        <source>Cannot create the library folder %1.</source>
        <translation>无法创建库文件夹 %1。</translation>
    </message>
    <message>
        <source>A private network named &quot;%1&quot; already exists.</source>
        <translation>名为“%1”的私有网络已存在。</translation>
    </message>
    <message>
        <source>%1 is still the network of %2: plug their network cards into another network first (berth set VM --network ..., or the VM&apos;s settings).</source>
        <translation>%1 仍是 %2 的网络：请先将它们的网卡接入其他网络（berth set VM --network ...，或在虚拟机设置中修改）。</translation>
    </message>
    <message>
        <source>Cannot lock the private networks file in %1.</source>
        <translation>无法锁定 %1 中的私有网络文件。</translation>
    </message>
</context>
<context>
    <name>PrivateNetworksDialog</name>
    <message>
        <source>Private Networks</source>
        <translation>私有网络</translation>
    </message>
    <message>
        <source>VMs on one private network reach each other as if on one switch. Neither this computer&apos;s other networks nor its LAN can see them, and no root rights are needed. Plug a VM in under Settings → Network cards. (A host-only network, which this computer could reach too, needs root rights to make a network device: Berth does not offer one.)</source>
        <translation>同一私有网络中的虚拟机可以像接在同一台交换机上一样互相访问。本机的其他网络及其局域网都看不到它们，并且无需 root 权限。请在“设置 → 网卡”中将虚拟机接入。（仅主机网络——本机也能访问的网络——需要 root 权限来创建网络设备：Berth 不提供此类网络。）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>VMs on it</source>
        <translation>其中的虚拟机</translation>
    </message>
    <message>
        <source>Multicast group</source>
        <translation>组播组</translation>
    </message>
    <message>
        <source>&amp;Create…</source>
        <translation>创建(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>New Private Network</source>
        <translation>新建私有网络</translation>
    </message>
    <message>
        <source>Name (letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;):</source>
        <translation>名称（字母、数字、“-”、“_”或“.”）：</translation>
    </message>
</context>
<context>
    <name>QemuCommandLine</name>
    <message>
        <source>does not exist</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>is a folder</source>
        <translation>是文件夹</translation>
    </message>
    <message>
        <source>cannot be read (check its permissions)</source>
        <translation>无法读取（请检查其权限）</translation>
    </message>
    <message>
        <source>qemu-system-x86_64 was not found; install the qemu-system-x86 package</source>
        <translation>找不到 qemu-system-x86_64；请安装 qemu-system-x86 软件包</translation>
    </message>
    <message>
        <source>%1 (from BERTH_QEMU) was not found or is not executable; unset BERTH_QEMU or install the qemu-system-x86 package</source>
        <translation>找不到 %1（来自 BERTH_QEMU）或它不可执行；请取消设置 BERTH_QEMU 或安装 qemu-system-x86 软件包</translation>
    </message>
    <message>
        <source>no accelerator was chosen (kvm or tcg)</source>
        <translation>未选择加速器（kvm 或 tcg）</translation>
    </message>
    <message>
        <source>This VM has %1 IDE, SATA and CD-ROM drives; the q35 machine has room for %2</source>
        <translation>此虚拟机有 %1 个 IDE、SATA 和光驱设备；q35 机器最多容纳 %2 个</translation>
    </message>
    <message>
        <source>This VM has %1 IDE and CD-ROM drives; the %2 machine has room for %3</source>
        <translation>此虚拟机有 %1 个 IDE 和光驱设备；%2 机器最多容纳 %3 个</translation>
    </message>
    <message>
        <source>This VM has %1 SATA disks; Berth&apos;s SATA controller has room for %2</source>
        <translation>此虚拟机有 %1 个 SATA 磁盘；Berth 的 SATA 控制器最多容纳 %2 个</translation>
    </message>
    <message>
        <source>The runtime folder %1 is too deep for a unix socket path (at most %2 bytes); set XDG_RUNTIME_DIR to a shorter folder</source>
        <translation>运行时文件夹 %1 的路径太长，无法用作 unix 套接字路径（最多 %2 字节）；请将 XDG_RUNTIME_DIR 设为更短的文件夹</translation>
    </message>
    <message>
        <source>The disk %1 %2</source>
        <translation>磁盘 %1 %2</translation>
    </message>
    <message>
        <source>The CD-ROM image %1 %2</source>
        <translation>光驱映像 %1 %2</translation>
    </message>
    <message>
        <source>The kernel %1 %2</source>
        <translation>内核 %1 %2</translation>
    </message>
    <message>
        <source>The initrd %1 %2</source>
        <translation>initrd %1 %2</translation>
    </message>
    <message>
        <source>The VM folder %1 does not exist</source>
        <translation>虚拟机文件夹 %1 不存在</translation>
    </message>
    <message>
        <source>The UEFI variables file %1 %2</source>
        <translation>UEFI 变量文件 %1 %2</translation>
    </message>
    <message>
        <source>Secure Boot needs the q35 machine (its firmware runs in SMM), not %1</source>
        <translation>安全启动需要 q35 机器类型（其固件在 SMM 中运行），而不是 %1</translation>
    </message>
</context>
<context>
    <name>QemuExit</name>
    <message>
        <source>QEMU ended before %1 was ready, without a message</source>
        <translation>QEMU 在 %1 就绪前结束，没有留下任何消息</translation>
    </message>
    <message>
        <source>QEMU could not start %1:
%2</source>
        <translation>QEMU 无法启动 %1：
%2</translation>
    </message>
    <message>
        <source>QEMU was using KVM. If KVM does not work on this host, set the VM&apos;s accelerator to TCG: slower, but it needs no hardware support.</source>
        <translation>QEMU 使用的是 KVM。如果 KVM 在本机无法正常工作，请将虚拟机的加速器设为 TCG：速度较慢，但不需要硬件支持。</translation>
    </message>
    <message>
        <source>The guest&apos;s operating system crashed (kernel panic)</source>
        <translation>客户机操作系统崩溃（内核错误）</translation>
    </message>
    <message>
        <source>QEMU ended unexpectedly</source>
        <translation>QEMU 意外退出</translation>
    </message>
</context>
<context>
    <name>QemuImg</name>
    <message>
        <source>qemu-img crashed while working on %1.</source>
        <translation>qemu-img 在处理 %1 时崩溃了。</translation>
    </message>
    <message>
        <source>qemu-img was not found; install the qemu-utils package.</source>
        <translation>找不到 qemu-img；请安装 qemu-utils 软件包。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Another qemu-img is still running for this operation.</source>
        <translation>此操作的另一个 qemu-img 仍在运行。</translation>
    </message>
</context>
<context>
    <name>QemuImgError</name>
    <message>
        <source>%1 is in use by another program (a QEMU has it open). Stop the VM that uses it, then try again.</source>
        <translation>%1 正被另一个程序使用（某个 QEMU 打开了它）。请停止使用它的虚拟机，然后重试。</translation>
    </message>
    <message>
        <source>The disk holding %1 is full. Free some space, then try again.</source>
        <translation>存放 %1 的磁盘已满。请释放一些空间，然后重试。</translation>
    </message>
    <message>
        <source>Permission denied on %1. Check the file&apos;s and its folder&apos;s permissions.</source>
        <translation>没有访问 %1 的权限。请检查该文件及其所在文件夹的权限。</translation>
    </message>
    <message>
        <source>%1 has internal snapshots, which qemu-img cannot resize. Delete the snapshots first.</source>
        <translation>%1 含有内部快照，qemu-img 无法调整其大小。请先删除这些快照。</translation>
    </message>
    <message>
        <source>The base image of %1 cannot be opened: %2</source>
        <translation>无法打开 %1 的基础映像：%2</translation>
    </message>
    <message>
        <source>qemu-img failed (exit code %1) on %2.</source>
        <translation>qemu-img 处理 %2 失败（退出码 %1）。</translation>
    </message>
</context>
<context>
    <name>QemuLauncher</name>
    <message>
        <source>%1 is already running (QEMU process %2)</source>
        <translation>%1 已在运行（QEMU 进程 %2）</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
    <message>
        <source>%1 is being started by another Berth process</source>
        <translation>另一个 Berth 进程正在启动 %1</translation>
    </message>
    <message>
        <source>Cannot lock %1: %2</source>
        <translation>无法锁定 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; is the base of %n linked clone(s): starting it would change the disks they are built on. Delete its linked clones first, or make a full clone of it and use that.</source>
        <translation>
            <numerusform>“%1”是 %n 个链接克隆的基础：启动它会改变这些克隆所依赖的磁盘。请先删除其链接克隆，或为它创建一个完整克隆并使用该克隆。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QmpClient</name>
    <message>
        <source>QEMU did not greet within %1 seconds; another program may be connected to this monitor</source>
        <translation>QEMU 在 %1 秒内没有发出问候；可能有其他程序连接着此监视器</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>negotiating</source>
        <translation>正在协商</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>正在关闭</translation>
    </message>
    <message>
        <source>cannot talk to QEMU&apos;s monitor at %1: %2</source>
        <translation>无法与位于 %1 的 QEMU 监视器通信：%2</translation>
    </message>
    <message>
        <source>cannot talk to QEMU&apos;s monitor at %1:%2: %3</source>
        <translation>无法与位于 %1:%2 的 QEMU 监视器通信：%3</translation>
    </message>
    <message>
        <source>QEMU closed the monitor connection in the middle of a message</source>
        <translation>QEMU 在消息传输中途关闭了监视器连接</translation>
    </message>
    <message>
        <source>QEMU closed the monitor connection before the session was ready</source>
        <translation>QEMU 在会话就绪前关闭了监视器连接</translation>
    </message>
    <message>
        <source>QEMU sent a second greeting</source>
        <translation>QEMU 发送了第二次问候</translation>
    </message>
    <message>
        <source>QEMU rejected a command it could not parse: %1</source>
        <translation>QEMU 拒绝了一条无法解析的命令：%1</translation>
    </message>
    <message>
        <source>QEMU sent a reply without an id</source>
        <translation>QEMU 发送了一条没有 id 的回复</translation>
    </message>
    <message>
        <source>this is not a valid QMP command name</source>
        <translation>这不是有效的 QMP 命令名</translation>
    </message>
</context>
<context>
    <name>QmpError</name>
    <message>
        <source>the monitor connection is not ready (it is %1)</source>
        <translation>监视器连接尚未就绪（当前状态：%1）</translation>
    </message>
    <message>
        <source>QEMU did not answer within %1 seconds</source>
        <translation>QEMU 在 %1 秒内没有应答</translation>
    </message>
    <message>
        <source>the connection to QEMU closed before it answered</source>
        <translation>与 QEMU 的连接在应答前关闭了</translation>
    </message>
    <message>
        <source>QEMU&apos;s answer is not what Berth expects (%1)</source>
        <translation>QEMU 的应答不是 Berth 预期的形式（%1）</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
</context>
<context>
    <name>QmpMessage</name>
    <message>
        <source>malformed JSON from QEMU (%1 at offset %2)</source>
        <translation>QEMU 发来的 JSON 格式错误（偏移 %2 处：%1）</translation>
    </message>
    <message>
        <source>QEMU sent JSON that is not an object</source>
        <translation>QEMU 发送的 JSON 不是对象</translation>
    </message>
    <message>
        <source>the QMP greeting lacks its version or capabilities</source>
        <translation>QMP 问候缺少版本或功能信息</translation>
    </message>
    <message>
        <source>an error reply from QEMU has no description</source>
        <translation>QEMU 的错误回复没有说明</translation>
    </message>
    <message>
        <source>an event from QEMU has no name</source>
        <translation>QEMU 的事件没有名称</translation>
    </message>
    <message>
        <source>QEMU sent a message that is neither a reply nor an event</source>
        <translation>QEMU 发送的消息既不是回复也不是事件</translation>
    </message>
</context>
<context>
    <name>QmpStreamParser</name>
    <message>
        <source>QEMU sent unexpected data outside a JSON object (byte 0x%1)</source>
        <translation>QEMU 在 JSON 对象之外发送了意外数据（字节 0x%1）</translation>
    </message>
    <message>
        <source>QEMU sent JSON nested more than %1 levels deep</source>
        <translation>QEMU 发送的 JSON 嵌套超过 %1 层</translation>
    </message>
    <message>
        <source>a message from QEMU exceeds %1 MiB</source>
        <translation>QEMU 发来的消息超过 %1 MiB</translation>
    </message>
</context>
<context>
    <name>ResourcesPage</name>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>On this computer: CPU weight through %1 (%2 with a limit), CPU limit through %3, affinity through %4; disk limits through a QEMU throttle group; the memory target through the balloon.</source>
        <translation>在本机：CPU 权重通过 %1（有上限时通过 %2），CPU 上限通过 %3，亲和性通过 %4；磁盘限制通过 QEMU 限流组；内存目标通过气球设备。</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Default (100)</source>
        <translation>默认（100）</translation>
    </message>
    <message>
        <source>Its share against other VMs when the host&apos;s CPUs are busy: a VM with 300 gets three times the CPU of one with 100.</source>
        <translation>主机 CPU 繁忙时它相对于其他虚拟机的份额：权重 300 的虚拟机获得的 CPU 是权重 100 的三倍。</translation>
    </message>
    <message>
        <source> % of one CPU</source>
        <translation> % 个 CPU</translation>
    </message>
    <message>
        <source>Not available on this host: it needs cgroup v2 with the user&apos;s systemd, or a writable cgroup v1 cpu controller.</source>
        <translation>本机不可用：需要带用户 systemd 的 cgroup v2，或可写的 cgroup v1 cpu 控制器。</translation>
    </message>
    <message>
        <source>Any CPU (e.g. 0-3,6)</source>
        <translation>任意 CPU（例如 0-3,6）</translation>
    </message>
    <message>
        <source>Any CPU</source>
        <translation>任意 CPU</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>权重(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation>上限(&amp;L)：</translation>
    </message>
    <message>
        <source>Virtual CPUs o&amp;n host CPUs:</source>
        <translation>虚拟 CPU 所用主机 CPU(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;QEMU&apos;s other threads on:</source>
        <translation>QEMU 其他线程所用 CPU(&amp;Q)：</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>All of its memory</source>
        <translation>全部内存</translation>
    </message>
    <message>
        <source>What the balloon leaves the guest (at least %1 MiB)</source>
        <translation>气球设备留给客户机的内存（至少 %1 MiB）</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目标(&amp;T)：</translation>
    </message>
    <message>
        <source>Disks (all together)</source>
        <translation>磁盘（合计）</translation>
    </message>
    <message>
        <source> MiB/s</source>
        <translation> MiB/秒</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> 次/秒</translation>
    </message>
    <message>
        <source>&amp;Reads:</source>
        <translation>读取(&amp;R)：</translation>
    </message>
    <message>
        <source>Wr&amp;ites:</source>
        <translation>写入(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Operations:</source>
        <translation>操作(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <source>Changes apply to the running VM at once and are kept.</source>
        <translation>更改会立即应用到运行中的虚拟机并保存。</translation>
    </message>
    <message>
        <source>Changes apply at the next start.</source>
        <translation>更改将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>RuntimeFolder</name>
    <message>
        <source>Cannot create the runtime folder %1: %2</source>
        <translation>无法创建运行时文件夹 %1：%2</translation>
    </message>
    <message>
        <source>Cannot examine the runtime folder %1: %2</source>
        <translation>无法检查运行时文件夹 %1：%2</translation>
    </message>
    <message>
        <source>The runtime folder %1 is not a folder (or is a symbolic link); remove it and try again</source>
        <translation>运行时文件夹 %1 不是文件夹（或是符号链接）；请删除它后重试</translation>
    </message>
    <message>
        <source>The runtime folder %1 belongs to another user; Berth will not keep its sockets there</source>
        <translation>运行时文件夹 %1 属于其他用户；Berth 不会在那里存放套接字</translation>
    </message>
    <message>
        <source>Cannot make the runtime folder %1 private: %2</source>
        <translation>无法将运行时文件夹 %1 设为私有：%2</translation>
    </message>
    <message>
        <source>XDG_RUNTIME_DIR names %1, which is not a folder</source>
        <translation>XDG_RUNTIME_DIR 指向的 %1 不是文件夹</translation>
    </message>
    <message>
        <source>%1 is not inside Berth&apos;s runtime folder %2</source>
        <translation>%1 不在 Berth 的运行时文件夹 %2 中</translation>
    </message>
    <message>
        <source>The runtime folder %1 is not a folder (or is a symbolic link); Berth will not use it</source>
        <translation>运行时文件夹 %1 不是文件夹（或是符号链接）；Berth 不会使用它</translation>
    </message>
    <message>
        <source>The runtime folder %1 belongs to another user; Berth will not use its sockets</source>
        <translation>运行时文件夹 %1 属于其他用户；Berth 不会使用其中的套接字</translation>
    </message>
    <message>
        <source>The runtime folder %1 can be entered by other users; Berth will not use its sockets</source>
        <translation>其他用户可以进入运行时文件夹 %1；Berth 不会使用其中的套接字</translation>
    </message>
</context>
<context>
    <name>SecurityChoices</name>
    <message>
        <source>&amp;TPM 2.0</source>
        <translation>&amp;TPM 2.0</translation>
    </message>
    <message>
        <source>Secure &amp;Boot</source>
        <translation>安全启动(&amp;B)</translation>
    </message>
    <message>
        <source>An emulated TPM 2.0 (swtpm), as Windows 11 needs; its state stays in the VM&apos;s folder</source>
        <translation>模拟的 TPM 2.0（swtpm），Windows 11 需要它；其状态保存在虚拟机的文件夹中</translation>
    </message>
    <message>
        <source>UEFI Secure Boot with Microsoft&apos;s keys enrolled: the firmware starts only signed boot loaders</source>
        <translation>已注册微软密钥的 UEFI 安全启动：固件只启动已签名的引导程序</translation>
    </message>
    <message>
        <source>Secure Boot needs UEFI firmware</source>
        <translation>安全启动需要 UEFI 固件</translation>
    </message>
</context>
<context>
    <name>SerialConsoleView</name>
    <message>
        <source>Nothing on the serial console yet.

A Linux guest writes here when it boots with console=ttyS0.</source>
        <translation>串行控制台上还没有内容。

Linux 客户机以 console=ttyS0 引导时会在这里输出。</translation>
    </message>
    <message>
        <source>Serial console</source>
        <translation>串行控制台</translation>
    </message>
    <message>
        <source>Earlier output is not shown; it is in %1</source>
        <translation>未显示更早的输出；它保存在 %1 中</translation>
    </message>
    <message>
        <source>The log was truncated</source>
        <translation>日志已被截断</translation>
    </message>
    <message>
        <source>The VM started again: a new run begins here</source>
        <translation>虚拟机已重新启动：新的运行从这里开始</translation>
    </message>
    <message>
        <source>First serial port, captured in %1</source>
        <translation>第一个串口，记录在 %1 中</translation>
    </message>
    <message>
        <source>First serial port, captured in %1. Type here to send keys to the guest (Ctrl+Shift+C copies).</source>
        <translation>第一个串口，记录在 %1 中。在此输入即可向客户机发送按键（Ctrl+Shift+C 复制）。</translation>
    </message>
</context>
<context>
    <name>SerialKeeper</name>
    <message>
        <source>The socket path %1 is too long</source>
        <translation>套接字路径 %1 太长</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听：%2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot start the serial console: %1</source>
        <translation>无法启动串口控制台：%1</translation>
    </message>
</context>
<context>
    <name>SnapshotOperation</name>
    <message>
        <source>QEMU did not finish the snapshot job within %1 minutes</source>
        <translation>QEMU 在 %1 分钟内没有完成快照任务</translation>
    </message>
    <message>
        <source>%1 has no disk; snapshots need a qcow2 disk to hold the disk and memory state</source>
        <translation>%1 没有磁盘；快照需要一个 qcow2 磁盘来保存磁盘和内存状态</translation>
    </message>
    <message>
        <source>The disk %1 is %2, not qcow2; only qcow2 disks can hold snapshots (convert it with qemu-img convert -O qcow2)</source>
        <translation>磁盘 %1 的格式是 %2，不是 qcow2；只有 qcow2 磁盘能保存快照（可用 qemu-img convert -O qcow2 转换）</translation>
    </message>
    <message>
        <source>%1 uses UEFI firmware whose variables are not in a qcow2 image; they cannot be snapshotted with the disks</source>
        <translation>%1 使用 UEFI 固件，其变量不在 qcow2 映像中，无法与磁盘一起做快照</translation>
    </message>
    <message>
        <source>Another snapshot action is still running</source>
        <translation>另一个快照操作仍在进行</translation>
    </message>
    <message>
        <source>The VM is gone</source>
        <translation>该虚拟机已不存在</translation>
    </message>
    <message>
        <source>Berth is not connected to %1&apos;s monitor</source>
        <translation>Berth 未连接到 %1 的监视器</translation>
    </message>
    <message>
        <source>Reading the snapshots in the disk images</source>
        <translation>正在读取磁盘映像中的快照</translation>
    </message>
    <message>
        <source>%1 already has a snapshot named &quot;%2&quot;</source>
        <translation>%1 已有名为“%2”的快照</translation>
    </message>
    <message>
        <source>Taking a disk snapshot</source>
        <translation>正在创建磁盘快照</translation>
    </message>
    <message>
        <source>The connection to QEMU was lost</source>
        <translation>与 QEMU 的连接已断开</translation>
    </message>
    <message>
        <source>Saving a picture of the screen</source>
        <translation>正在保存屏幕图片</translation>
    </message>
    <message>
        <source>Saving the disks and the memory state</source>
        <translation>正在保存磁盘和内存状态</translation>
    </message>
    <message>
        <source>%1 has no snapshot named &quot;%2&quot;</source>
        <translation>%1 没有名为“%2”的快照</translation>
    </message>
    <message>
        <source>Reverting the disks</source>
        <translation>正在恢复磁盘</translation>
    </message>
    <message>
        <source>The snapshot &quot;%1&quot; holds no memory state; stop %2 to revert its disks to it</source>
        <translation>快照“%1”不含内存状态；请停止 %2 后再将其磁盘恢复到此快照</translation>
    </message>
    <message>
        <source>Loading the disks and the memory state</source>
        <translation>正在加载磁盘和内存状态</translation>
    </message>
    <message>
        <source>Deleting the snapshot</source>
        <translation>正在删除快照</translation>
    </message>
    <message>
        <source>A snapshot of %1 needs up to %2 MiB free on %3; only %4 MiB are free</source>
        <translation>%1 的快照最多需要 %3 上有 %2 MiB 可用空间；目前只有 %4 MiB</translation>
    </message>
    <message>
        <source>QEMU reported success, but the disks hold no snapshot &quot;%1&quot;</source>
        <translation>QEMU 报告成功，但磁盘中没有快照“%1”</translation>
    </message>
    <message>
        <source>The snapshot action succeeded, but its record could not be saved: %1</source>
        <translation>快照操作成功，但无法保存其记录：%1</translation>
    </message>
    <message>
        <source>%1 started meanwhile; its disks are in use</source>
        <translation>%1 在此期间已启动；其磁盘正被使用</translation>
    </message>
    <message>
        <source>The connection to QEMU ended while the snapshot job ran</source>
        <translation>快照任务进行时与 QEMU 的连接断开了</translation>
    </message>
    <message>
        <source>No disk holds the snapshot &quot;%1&quot;</source>
        <translation>没有磁盘包含快照“%1”</translation>
    </message>
</context>
<context>
    <name>SnapshotPage</name>
    <message>
        <source>Ta&amp;ke Snapshot…</source>
        <translation>创建快照(&amp;K)…</translation>
    </message>
    <message>
        <source>R&amp;evert…</source>
        <translation>恢复(&amp;E)…</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>删除(&amp;L)…</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>快照</translation>
    </message>
    <message>
        <source>%1 — taken %2, %3</source>
        <translation>%1 — 创建于 %2，%3</translation>
    </message>
    <message>
        <source>The snapshot action failed: %1</source>
        <translation>快照操作失败：%1</translation>
    </message>
    <message>
        <source>No snapshots yet. A snapshot of a running VM keeps its memory too; of a stopped one, its disks.</source>
        <translation>还没有快照。运行中虚拟机的快照也会保存内存；已停止虚拟机的快照保存其磁盘。</translation>
    </message>
    <message>
        <source>Snapshots: %1. Select one to revert to it or delete it.</source>
        <translation>快照：%1。选择一个快照以恢复到它或删除它。</translation>
    </message>
    <message>
        <source>Before reverting to %1, %2</source>
        <translation>恢复到 %1 之前，%2</translation>
    </message>
    <message>
        <source>Taken automatically before reverting to %1</source>
        <translation>恢复到 %1 之前自动创建</translation>
    </message>
    <message>
        <source>Take a Snapshot</source>
        <translation>创建快照</translation>
    </message>
    <message>
        <source>Snapshot %1</source>
        <translation>快照 %1</translation>
    </message>
    <message>
        <source>Saves the disks and the memory: reverting resumes the VM exactly here. The VM pauses while its memory is saved.</source>
        <translation>保存磁盘和内存：恢复时虚拟机会从此刻原样继续运行。保存内存期间虚拟机会暂停。</translation>
    </message>
    <message>
        <source>The VM is stopped: the snapshot holds its disks.</source>
        <translation>虚拟机已停止：快照将保存其磁盘。</translation>
    </message>
    <message>
        <source>&amp;Take Snapshot</source>
        <translation>创建快照(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <source>A snapshot with this name exists already</source>
        <translation>已存在同名快照</translation>
    </message>
    <message>
        <source>Revert to “%1”</source>
        <translation>恢复到“%1”</translation>
    </message>
    <message>
        <source>The snapshot “%1” holds the disks only, no memory state. Shut “%2” down to revert its disks to it.</source>
        <translation>快照“%1”只包含磁盘，没有内存状态。请先关闭“%2”，再将其磁盘恢复到此快照。</translation>
    </message>
    <message>
        <source>Revert to “%1”?</source>
        <translation>恢复到“%1”？</translation>
    </message>
    <message>
        <source>Revert “%1” to the snapshot “%2”?</source>
        <translation>将“%1”恢复到快照“%2”吗？</translation>
    </message>
    <message>
        <source>Everything since the snapshot is lost: the programs running now and their unsaved work, and every change to the disks. The VM resumes as it was at %1.</source>
        <translation>快照之后的一切都会丢失：当前运行的程序及其未保存的工作，以及对磁盘的所有更改。虚拟机将回到 %1 时的状态继续运行。</translation>
    </message>
    <message>
        <source>Every change to the disks since the snapshot is lost. The VM starts from the snapshot&apos;s disks the next time.</source>
        <translation>快照之后对磁盘的所有更改都会丢失。虚拟机下次将从快照中的磁盘启动。</translation>
    </message>
    <message>
        <source>&amp;Snapshot Current State, Then Revert</source>
        <translation>先为当前状态创建快照，再恢复(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>删除“%1”？</translation>
    </message>
    <message>
        <source>Delete the snapshot “%1”? You can no longer revert to it. The VM&apos;s current state and its disks are not touched; snapshots taken from it stay.</source>
        <translation>删除快照“%1”吗？之后将无法再恢复到它。虚拟机的当前状态和磁盘不受影响；基于它创建的快照会保留。</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Done. Not on every disk: %1 did not hold the snapshot and kept its contents.</source>
        <translation>完成。并非所有磁盘都有此快照：%1 不含该快照，其内容保持不变。</translation>
    </message>
    <message>
        <source>Not every disk holds this snapshot: a disk added after it was taken keeps its current contents.</source>
        <translation>并非所有磁盘都包含此快照：在拍摄快照之后添加的磁盘会保留其当前内容。</translation>
    </message>
</context>
<context>
    <name>SnapshotStore</name>
    <message>
        <source>A snapshot needs a name</source>
        <translation>快照需要一个名称</translation>
    </message>
    <message>
        <source>A snapshot name has at most 127 characters</source>
        <translation>快照名称最多 127 个字符</translation>
    </message>
    <message>
        <source>A snapshot name cannot start or end with a space</source>
        <translation>快照名称不能以空格开头或结尾</translation>
    </message>
    <message>
        <source>A snapshot name cannot contain control characters</source>
        <translation>快照名称不能包含控制字符</translation>
    </message>
    <message>
        <source>A snapshot name cannot be only digits (QEMU would take it for a snapshot id)</source>
        <translation>快照名称不能全是数字（QEMU 会把它当作快照 ID）</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2</source>
        <translation>%1 不是有效的 JSON：%2</translation>
    </message>
    <message>
        <source>%1 was written by a newer Berth</source>
        <translation>%1 由更新版本的 Berth 写入</translation>
    </message>
    <message>
        <source>%1 does not hold a JSON object</source>
        <translation>%1 不包含 JSON 对象</translation>
    </message>
</context>
<context>
    <name>SnapshotTreeModel</name>
    <message>
        <source>%1  ◀ you are here</source>
        <translation>%1  ◀ 当前位置</translation>
    </message>
    <message>
        <source>Memory and disks</source>
        <translation>内存和磁盘</translation>
    </message>
    <message>
        <source>Disks only</source>
        <translation>仅磁盘</translation>
    </message>
    <message>
        <source>Reverting resumes the VM exactly where it was</source>
        <translation>恢复后虚拟机会从当时的位置原样继续运行</translation>
    </message>
    <message>
        <source>Holds the disks only: the VM must be stopped to revert to it, and starts from a cold boot</source>
        <translation>只包含磁盘：虚拟机必须停止才能恢复到它，并将冷启动</translation>
    </message>
    <message>
        <source>%1, current state descends from it</source>
        <translation>%1，当前状态基于它</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>%1 (not on every disk)</source>
        <translation>%1（并非所有磁盘）</translation>
    </message>
    <message>
        <source>A disk added after this snapshot was taken does not hold it: reverting leaves that disk as it is now</source>
        <translation>在此快照之后添加的磁盘不含此快照：恢复时该磁盘保持现状</translation>
    </message>
</context>
<context>
    <name>SparseFile</name>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 不是普通文件。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>The disk is full: %1 could not be written. Make room and try again.</source>
        <translation>磁盘已满：无法写入 %1。请腾出空间后重试。</translation>
    </message>
    <message>
        <source>%1 became shorter while it was copied.</source>
        <translation>%1 在复制过程中变短了。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>StatsChart</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation>%1 TiB</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>−%1 min</source>
        <translation>−%1 分钟</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>−%1 s</source>
        <translation>−%1 秒</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>Swtpm</name>
    <message>
        <source>Cannot create the TPM state folder %1: %2</source>
        <translation>无法创建 TPM 状态文件夹 %1：%2</translation>
    </message>
    <message>
        <source>The TPM state %1 is not a folder (or is a symbolic link); move it away and start the VM again</source>
        <translation>TPM 状态 %1 不是文件夹（或是符号链接）；请将其移走后再次启动虚拟机</translation>
    </message>
    <message>
        <source>Cannot make the TPM state folder %1 private: %2</source>
        <translation>无法将 TPM 状态文件夹 %1 设为私有：%2</translation>
    </message>
    <message>
        <source>%1 (from BERTH_SWTPM) was not found or is not executable; unset BERTH_SWTPM or install the swtpm package</source>
        <translation>未找到 %1（来自 BERTH_SWTPM）或其不可执行；请取消设置 BERTH_SWTPM 或安装 swtpm 软件包</translation>
    </message>
    <message>
        <source>This VM has a TPM, and its emulator swtpm was not found: install the swtpm package (apt install swtpm swtpm-tools), or turn the TPM off (berth set NAME --no-tpm)</source>
        <translation>此虚拟机带有 TPM，但未找到其模拟器 swtpm：请安装 swtpm 软件包（apt install swtpm swtpm-tools），或关闭 TPM（berth set NAME --no-tpm）</translation>
    </message>
    <message>
        <source>The runtime folder %1 has a comma in its path, which swtpm cannot take; set XDG_RUNTIME_DIR to another folder</source>
        <translation>运行时文件夹 %1 的路径中含有逗号，swtpm 无法使用；请将 XDG_RUNTIME_DIR 设为其他文件夹</translation>
    </message>
    <message>
        <source>Cannot link the TPM state into the runtime folder %1</source>
        <translation>无法将 TPM 状态链接到运行时文件夹 %1</translation>
    </message>
    <message>
        <source>The TPM emulator (swtpm) did not start within %1 seconds</source>
        <translation>TPM 模拟器（swtpm）未在 %1 秒内启动</translation>
    </message>
    <message>
        <source>The TPM emulator (swtpm) did not start: %1</source>
        <translation>TPM 模拟器（swtpm）未能启动：%1</translation>
    </message>
    <message>
        <source>The TPM emulator (swtpm) ended at once: %1</source>
        <translation>TPM 模拟器（swtpm）立即退出：%1</translation>
    </message>
    <message>
        <source>The TPM emulator (swtpm) of %1 has ended while the VM runs: the guest has no working TPM until you shut the VM down and start it again</source>
        <translation>%1 的 TPM 模拟器（swtpm）在虚拟机运行时退出：在您关闭并重新启动虚拟机之前，客户机没有可用的 TPM</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>“%1” stopped unexpectedly</source>
        <translation>“%1”意外停止</translation>
    </message>
    <message>
        <source>QEMU ended without shutting the VM down.</source>
        <translation>QEMU 在虚拟机未关机的情况下结束了。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Show &amp;Display</source>
        <translation>显示屏幕(&amp;D)</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>继续(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Shut &amp;Down</source>
        <translation>关机(&amp;D)</translation>
    </message>
    <message>
        <source>No virtual machine is running</source>
        <translation>没有正在运行的虚拟机</translation>
    </message>
    <message>
        <source>&amp;Show Berth</source>
        <translation>显示 Berth(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit Berth</source>
        <translation>退出 Berth(&amp;Q)</translation>
    </message>
    <message>
        <source>Berth: no virtual machine is running</source>
        <translation>Berth：没有正在运行的虚拟机</translation>
    </message>
    <message numerus="yes">
        <source>Berth: %n virtual machine(s) running</source>
        <translation>
            <numerusform>Berth：%n 台虚拟机正在运行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UefiFirmware</name>
    <message>
        <source>The UEFI firmware (OVMF) was not found in %1; install the ovmf package, or choose BIOS firmware for this VM</source>
        <translation>在 %1 中找不到 UEFI 固件（OVMF）；请安装 ovmf 软件包，或为此虚拟机选择 BIOS 固件</translation>
    </message>
    <message>
        <source>Could not create the UEFI variables file %1: %2</source>
        <translation>无法创建 UEFI 变量文件 %1：%2</translation>
    </message>
    <message>
        <source>The UEFI firmware with Secure Boot and Microsoft&apos;s keys (OVMF_CODE_4M.ms.fd, OVMF_VARS_4M.ms.fd) was not found in %1; install the ovmf package, or turn Secure Boot off for this VM</source>
        <translation>在 %1 中未找到带安全启动和微软密钥的 UEFI 固件（OVMF_CODE_4M.ms.fd、OVMF_VARS_4M.ms.fd）；请安装 ovmf 软件包，或为此虚拟机关闭安全启动</translation>
    </message>
</context>
<context>
    <name>UnappliedQuestion</name>
    <message>
        <source>Apply the changes to the settings of %1 before starting it?</source>
        <translation>启动前是否应用对 %1 设置的更改？</translation>
    </message>
    <message>
        <source>It would start with its saved settings otherwise.</source>
        <translation>否则它将以已保存的设置启动。</translation>
    </message>
    <message>
        <source>Apply the changes to the settings of %1?</source>
        <translation>是否应用对 %1 设置的更改？</translation>
    </message>
    <message>
        <source>They are lost if you discard them.</source>
        <translation>如果放弃，这些更改将会丢失。</translation>
    </message>
    <message>
        <source>Apply the changes to the settings of %1 before closing?</source>
        <translation>关闭前是否应用对 %1 设置的更改？</translation>
    </message>
    <message>
        <source>Unapplied Settings</source>
        <translation>未应用的设置</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
</context>
<context>
    <name>VmActions</name>
    <message>
        <source>Could not start “%1”</source>
        <translation>无法启动“%1”</translation>
    </message>
    <message>
        <source>Could not pause “%1”</source>
        <translation>无法暂停“%1”</translation>
    </message>
    <message>
        <source>Could not resume “%1”</source>
        <translation>无法继续“%1”</translation>
    </message>
    <message>
        <source>Could not reset “%1”</source>
        <translation>无法重置“%1”</translation>
    </message>
    <message>
        <source>Could not shut down “%1”</source>
        <translation>无法关闭“%1”</translation>
    </message>
    <message>
        <source>Could not force off “%1”</source>
        <translation>无法强制关闭“%1”</translation>
    </message>
    <message>
        <source>Could not change “%1”</source>
        <translation>无法更改“%1”</translation>
    </message>
    <message>
        <source>&amp;New VM…</source>
        <translation>新建虚拟机(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a virtual machine</source>
        <translation>创建虚拟机</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>Start the virtual machine</source>
        <translation>启动虚拟机</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause the virtual machine</source>
        <translation>暂停虚拟机</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>继续(&amp;U)</translation>
    </message>
    <message>
        <source>Resume the paused virtual machine</source>
        <translation>继续运行已暂停的虚拟机</translation>
    </message>
    <message>
        <source>Shut &amp;Down</source>
        <translation>关机(&amp;D)</translation>
    </message>
    <message>
        <source>Ask the guest to shut down (ACPI power button)</source>
        <translation>请求客户机关机（ACPI 电源按钮）</translation>
    </message>
    <message>
        <source>&amp;Reset…</source>
        <translation>重置(&amp;R)…</translation>
    </message>
    <message>
        <source>Restart the virtual machine at once, like a reset button</source>
        <translation>立即重新启动虚拟机，如同按下复位按钮</translation>
    </message>
    <message>
        <source>&amp;Force Off…</source>
        <translation>强制关机(&amp;F)…</translation>
    </message>
    <message>
        <source>Power the virtual machine off at once, like pulling the plug</source>
        <translation>立即关闭虚拟机电源，如同拔掉电源插头</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the virtual machine</source>
        <translation>删除虚拟机</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Shut Down</source>
        <translation>关机</translation>
    </message>
    <message>
        <source>Force Off</source>
        <translation>强制关机</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Starting “%1”…</source>
        <translation>正在启动“%1”…</translation>
    </message>
    <message>
        <source>Asked “%1” to shut down…</source>
        <translation>已请求“%1”关机…</translation>
    </message>
    <message>
        <source>Reset Virtual Machine</source>
        <translation>重置虚拟机</translation>
    </message>
    <message>
        <source>Reset “%1”?</source>
        <translation>重置“%1”？</translation>
    </message>
    <message>
        <source>The guest restarts at once, like pressing a reset button: whatever it has not saved is lost.</source>
        <translation>客户机会立即重新启动，如同按下复位按钮：所有未保存的内容都会丢失。</translation>
    </message>
    <message>
        <source>Force Off Virtual Machine</source>
        <translation>强制关闭虚拟机</translation>
    </message>
    <message>
        <source>Force “%1” off?</source>
        <translation>强制关闭“%1”？</translation>
    </message>
    <message>
        <source>This is like pulling the power cord: whatever the guest has not saved is lost. Shut Down asks the guest to stop cleanly instead.</source>
        <translation>这如同拔掉电源线：客户机所有未保存的内容都会丢失。“关机”则会请求客户机正常停止。</translation>
    </message>
    <message>
        <source>Could not delete the VM in %1: it is no longer in the library.</source>
        <translation>无法删除 %1 中的虚拟机：它已不在库中。</translation>
    </message>
    <message>
        <source>“%1” is running (it may have been started from elsewhere): shut it down before deleting it.</source>
        <translation>“%1”正在运行（可能是从别处启动的）：删除前请先关闭它。</translation>
    </message>
    <message>
        <source>Could not delete “%1”: %2</source>
        <translation>无法删除“%1”：%2</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>“%1” has not shut down yet.</source>
        <translation>“%1”尚未关机。</translation>
    </message>
    <message>
        <source>The guest did not power off within %1 of the power button. It may be busy, or it may ignore the button. Force Off loses whatever it has not saved.</source>
        <translation>按下电源按钮后 %1内客户机没有关闭。它可能正忙，也可能忽略了电源按钮。强制关机会丢失所有未保存的内容。</translation>
    </message>
    <message>
        <source>a second</source>
        <translation>一秒</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Keep Waiting</source>
        <translation>继续等待</translation>
    </message>
    <message>
        <source>Not Enough Memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>Start “%1” anyway?</source>
        <translation>仍要启动“%1”吗？</translation>
    </message>
    <message>
        <source>Start Anyway</source>
        <translation>仍然启动</translation>
    </message>
    <message>
        <source>Deleted “%1”; its kept disk images are in %2.</source>
        <translation>已删除“%1”；保留的磁盘映像位于 %2。</translation>
    </message>
</context>
<context>
    <name>VmCloner</name>
    <message>
        <source>A clone is still being made.</source>
        <translation>仍有一个克隆正在创建。</translation>
    </message>
    <message>
        <source>There is no VM named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的虚拟机。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is running; shut it down before cloning it (a copy of a running VM&apos;s disks is not consistent).</source>
        <translation>“%1”正在运行；请先关机再克隆（运行中的虚拟机的磁盘副本不一致）。</translation>
    </message>
    <message>
        <source>The disk %1 of &quot;%2&quot; is missing.</source>
        <translation>“%2”的磁盘 %1 不存在。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Could not make a linked disk: %1</source>
        <translation>无法创建链接磁盘：%1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be marked as the base of its linked clone, so the clone was removed again: %2</source>
        <translation>无法将“%1”标记为其链接克隆的基础，因此已重新删除该克隆：%2</translation>
    </message>
</context>
<context>
    <name>VmCopyJob</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>VmCreator</name>
    <message>
        <source>The disk image %1 does not exist.</source>
        <translation>磁盘映像 %1 不存在。</translation>
    </message>
    <message>
        <source>Another VM is still being created.</source>
        <translation>另一台虚拟机仍在创建中。</translation>
    </message>
    <message>
        <source>Could not read the disk image %1: %2</source>
        <translation>无法读取磁盘映像 %1：%2</translation>
    </message>
    <message>
        <source>Could not make the disk: %1</source>
        <translation>无法创建磁盘：%1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>VmDefinition</name>
    <message>
        <source>must be text</source>
        <translation>必须是文本</translation>
    </message>
    <message>
        <source>must be a whole number between %1 and %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>%1 must be an absolute path: %2</source>
        <translation>%1必须是绝对路径：%2</translation>
    </message>
    <message>
        <source>A VM needs a name.</source>
        <translation>虚拟机需要一个名称。</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation>名称超过了 %1 个字符。</translation>
    </message>
    <message>
        <source>The name must not start or end with a space.</source>
        <translation>名称不能以空格开头或结尾。</translation>
    </message>
    <message>
        <source>The name must not contain &quot;/&quot; or &quot;\&quot;.</source>
        <translation>名称不能包含“/”或“\”。</translation>
    </message>
    <message>
        <source>The name must not contain control characters.</source>
        <translation>名称不能包含控制字符。</translation>
    </message>
    <message>
        <source>Memory must be between %1 MiB and %2 MiB.</source>
        <translation>内存必须在 %1 MiB 到 %2 MiB 之间。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid machine type.</source>
        <translation>“%1”不是有效的机器类型。</translation>
    </message>
    <message>
        <source>A disk has no file.</source>
        <translation>有一个磁盘没有文件。</translation>
    </message>
    <message>
        <source>A disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Disk %1: unknown format &quot;%2&quot; (use one of %3).</source>
        <translation>磁盘 %1：未知格式“%2”（请使用 %3 之一）。</translation>
    </message>
    <message>
        <source>Disk %1: unknown bus &quot;%2&quot; (use one of %3).</source>
        <translation>磁盘 %1：未知总线“%2”（请使用 %3 之一）。</translation>
    </message>
    <message>
        <source>The CD-ROM image</source>
        <translation>光驱映像</translation>
    </message>
    <message>
        <source>The kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>The initrd</source>
        <translation>initrd</translation>
    </message>
    <message>
        <source>An initrd or a kernel command line needs a kernel.</source>
        <translation>initrd 或内核命令行需要同时指定内核。</translation>
    </message>
    <message>
        <source>it has no valid &quot;version&quot; field</source>
        <translation>它没有有效的“version”字段</translation>
    </message>
    <message>
        <source>it was written by a newer version of Berth (definition version %1; this version reads up to %2): update Berth to use it</source>
        <translation>它由更新版本的 Berth 写入（定义版本 %1；此版本最高只能读取 %2）：请更新 Berth 后再使用</translation>
    </message>
    <message>
        <source>&quot;uuid&quot; is missing or not a UUID</source>
        <translation>“uuid”缺失或不是 UUID</translation>
    </message>
    <message>
        <source>must be auto, kvm or tcg</source>
        <translation>必须是 auto、kvm 或 tcg</translation>
    </message>
    <message>
        <source>must be bios or uefi</source>
        <translation>必须是 bios 或 uefi</translation>
    </message>
    <message>
        <source>must hold objects</source>
        <translation>必须包含对象</translation>
    </message>
    <message>
        <source>The name must not start with &quot;.&quot;.</source>
        <translation>名称不能以“.”开头。</translation>
    </message>
    <message>
        <source>The number of CPUs must be between %1 and %2.</source>
        <translation>CPU 数量必须在 %1 到 %2 之间。</translation>
    </message>
    <message>
        <source>A disk&apos;s base image</source>
        <translation>磁盘的基础映像</translation>
    </message>
    <message>
        <source>Unknown network card model &quot;%1&quot; (use one of %2).</source>
        <translation>未知的网卡型号“%1”（请使用 %2 之一）。</translation>
    </message>
    <message>
        <source>must hold UUIDs</source>
        <translation>必须包含 UUID</translation>
    </message>
    <message>
        <source>Secure Boot needs UEFI firmware (firmware uefi), not BIOS.</source>
        <translation>安全启动需要 UEFI 固件（firmware uefi），而不是 BIOS。</translation>
    </message>
</context>
<context>
    <name>VmDetailsPane</name>
    <message>
        <source>TCG (emulated)</source>
        <translation>TCG（模拟）</translation>
    </message>
    <message>
        <source>&amp;Display</source>
        <translation>显示(&amp;D)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>Serial &amp;Console</source>
        <translation>串行控制台(&amp;C)</translation>
    </message>
    <message>
        <source>Sna&amp;pshots</source>
        <translation>快照(&amp;P)</translation>
    </message>
    <message>
        <source>No virtual machine selected</source>
        <translation>未选择虚拟机</translation>
    </message>
    <message>
        <source>Select a virtual machine in the list, or create one.</source>
        <translation>在列表中选择一台虚拟机，或新建一台。</translation>
    </message>
    <message>
        <source>Broken: Berth cannot read its definition</source>
        <translation>已损坏：Berth 无法读取其定义</translation>
    </message>
    <message>
        <source>This VM cannot be used: %1

Berth leaves a definition it cannot read untouched. Fix %2, or delete the VM.</source>
        <translation>此虚拟机无法使用：%1

Berth 不会改动它无法读取的定义。请修复 %2，或删除此虚拟机。</translation>
    </message>
    <message>
        <source>QEMU process %1</source>
        <translation>QEMU 进程 %1</translation>
    </message>
    <message>
        <source>starts with %1</source>
        <translation>启动时使用 %1</translation>
    </message>
    <message>
        <source>“%1” crashed: %2</source>
        <translation>“%1”已崩溃：%2</translation>
    </message>
    <message>
        <source>The last start failed: %1</source>
        <translation>上次启动失败：%1</translation>
    </message>
    <message>
        <source>“%1” is paused. Shut it down to change its settings.</source>
        <translation>“%1”已暂停。关机后才能更改其设置。</translation>
    </message>
    <message>
        <source>“%1” is starting. Shut it down to change its settings.</source>
        <translation>“%1”正在启动。关机后才能更改其设置。</translation>
    </message>
    <message>
        <source>“%1” is shutting down. Its settings can be changed once it has stopped.</source>
        <translation>“%1”正在关机。停止后即可更改其设置。</translation>
    </message>
    <message>
        <source>“%1” is running. Shut it down to change its settings.</source>
        <translation>“%1”正在运行。关机后才能更改其设置。</translation>
    </message>
    <message>
        <source>Perf&amp;ormance</source>
        <translation>性能(&amp;O)</translation>
    </message>
    <message>
        <source>%1, retrying</source>
        <translation>%1，正在重试</translation>
    </message>
    <message>
        <source>%1
Berth keeps trying to reach it every few seconds; nothing can be done to the VM meanwhile except Force Off.</source>
        <translation>%1
Berth 每隔几秒会重试连接；在此期间除了强制关机外无法对该虚拟机进行任何操作。</translation>
    </message>
    <message>
        <source>guest address %1</source>
        <translation>客户机地址 %1</translation>
    </message>
    <message>
        <source>Reso&amp;urces</source>
        <translation>资源(&amp;U)</translation>
    </message>
</context>
<context>
    <name>VmExporter</name>
    <message>
        <source>%1 changed while it was being exported.</source>
        <translation>%1 在导出过程中发生了变化。</translation>
    </message>
    <message>
        <source>An export is still running.</source>
        <translation>仍有一个导出正在进行。</translation>
    </message>
    <message>
        <source>There is no VM named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的虚拟机。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is running; shut it down before exporting it (a copy of a running VM&apos;s disks is not consistent).</source>
        <translation>“%1”正在运行；请先关机再导出（运行中的虚拟机的磁盘副本不一致）。</translation>
    </message>
    <message>
        <source>%1 exists already; choose another file name.</source>
        <translation>%1 已存在；请选择其他文件名。</translation>
    </message>
    <message>
        <source>Could not read a disk: %1</source>
        <translation>无法读取磁盘：%1</translation>
    </message>
    <message>
        <source>The disk %1 is a linked clone of %2: its data is partly there. Export the VM it was cloned from, or make the disk whole first (berth disk convert).</source>
        <translation>磁盘 %1 是 %2 的链接克隆：它的部分数据位于后者中。请导出它所克隆的虚拟机，或先将磁盘转换为完整磁盘（berth disk convert）。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>VmFields</name>
    <message>
        <source>--%1 takes a whole number, not &quot;%2&quot;</source>
        <translation>--%1 需要一个整数，而不是“%2”</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file</source>
        <translation>%1 不存在或不是文件</translation>
    </message>
    <message>
        <source>--%1 takes %2, not &quot;%3&quot;</source>
        <translation>--%1 的取值为 %2，而不是“%3”</translation>
    </message>
    <message>
        <source>Rename it.</source>
        <translation>重命名。</translation>
    </message>
    <message>
        <source>Number of virtual CPUs.</source>
        <translation>虚拟 CPU 数量。</translation>
    </message>
    <message>
        <source>Memory in MiB.</source>
        <translation>内存，单位 MiB。</translation>
    </message>
    <message>
        <source>Machine type, one that qemu-system-x86_64 -machine help lists.</source>
        <translation>机器类型，须为 qemu-system-x86_64 -machine help 列出的一种。</translation>
    </message>
    <message>
        <source>Accelerator: auto, kvm or tcg.</source>
        <translation>加速器：auto、kvm 或 tcg。</translation>
    </message>
    <message>
        <source>--accel takes auto, kvm or tcg, not &quot;%1&quot;</source>
        <translation>--accel 接受 auto、kvm 或 tcg，而不是“%1”</translation>
    </message>
    <message>
        <source>Firmware: bios or uefi.</source>
        <translation>固件：bios 或 uefi。</translation>
    </message>
    <message>
        <source>--firmware takes bios or uefi, not &quot;%1&quot;</source>
        <translation>--firmware 接受 bios 或 uefi，而不是“%1”</translation>
    </message>
    <message>
        <source>Insert this ISO image.</source>
        <translation>插入此 ISO 映像。</translation>
    </message>
    <message>
        <source>Boot this kernel directly.</source>
        <translation>直接引导此内核。</translation>
    </message>
    <message>
        <source>Initrd for the kernel.</source>
        <translation>内核使用的 initrd。</translation>
    </message>
    <message>
        <source>Kernel command line.</source>
        <translation>内核命令行。</translation>
    </message>
    <message>
        <source>Network card: virtio, e1000e, e1000 or rtl8139.</source>
        <translation>网卡：virtio、e1000e、e1000 或 rtl8139。</translation>
    </message>
    <message>
        <source>Notes.</source>
        <translation>备注。</translation>
    </message>
    <message>
        <source>A TPM 2.0 (swtpm), as Windows 11 needs.</source>
        <translation>TPM 2.0（swtpm），Windows 11 需要它。</translation>
    </message>
    <message>
        <source>UEFI Secure Boot with Microsoft&apos;s keys (UEFI firmware only).</source>
        <translation>带有微软密钥的 UEFI 安全启动（仅限 UEFI 固件）。</translation>
    </message>
    <message>
        <source>Network cards, one per option: nat, private:NAME or bridge:NAME, each optionally with ,mac=MAC; none for no network. Replaces the VM&apos;s cards; a card keeps its MAC.</source>
        <translation>网卡，每个选项一块：nat、private:NAME 或 bridge:NAME，均可附加 ,mac=MAC；none 表示无网络。会替换虚拟机的全部网卡；原位置的网卡保留其 MAC。</translation>
    </message>
    <message>
        <source>--%1 takes bytes per second (e.g. 4M or 4194304) or none, not &quot;%2&quot;</source>
        <translation>--%1 需要每秒字节数（例如 4M 或 4194304）或 none，而不是“%2”</translation>
    </message>
    <message>
        <source>--%1 takes a whole number above 0 or none, not &quot;%2&quot;</source>
        <translation>--%1 需要大于 0 的整数或 none，而不是“%2”</translation>
    </message>
    <message>
        <source>Disk reads, bytes per second for all disks together (e.g. 4M), or none. Applies live.</source>
        <translation>磁盘读取，所有磁盘合计的每秒字节数（例如 4M），或 none。立即生效。</translation>
    </message>
    <message>
        <source>Disk writes, bytes per second for all disks together (e.g. 4M), or none. Applies live.</source>
        <translation>磁盘写入，所有磁盘合计的每秒字节数（例如 4M），或 none。立即生效。</translation>
    </message>
    <message>
        <source>Disk operations per second for all disks together, or none. Applies live.</source>
        <translation>所有磁盘合计的每秒操作数，或 none。立即生效。</translation>
    </message>
    <message>
        <source>Memory the balloon leaves the guest, in MiB, or none for all of it. Applies live.</source>
        <translation>气球设备留给客户机的内存（MiB），或 none 表示全部。立即生效。</translation>
    </message>
    <message>
        <source>CPU share against other VMs when the host is busy, 1-10000 (default 100), or none. Applies live.</source>
        <translation>主机繁忙时相对于其他虚拟机的 CPU 份额，1-10000（默认 100），或 none。立即生效。</translation>
    </message>
    <message>
        <source>At most this % of one host CPU for the whole VM (200: two CPUs), or none. Applies live.</source>
        <translation>整个虚拟机最多使用一个主机 CPU 的百分之多少（200：两个 CPU），或 none。立即生效。</translation>
    </message>
    <message>
        <source>Host CPUs for the virtual CPUs, e.g. 0-3,6, or none for any. Applies live.</source>
        <translation>虚拟 CPU 所用的主机 CPU，例如 0-3,6，或 none 表示任意。立即生效。</translation>
    </message>
    <message>
        <source>Host CPUs for QEMU&apos;s other threads (disk, display...), or none for any. Applies live.</source>
        <translation>QEMU 其他线程（磁盘、显示……）所用的主机 CPU，或 none 表示任意。立即生效。</translation>
    </message>
</context>
<context>
    <name>VmImporter</name>
    <message>
        <source>This is not a Berth bundle (it does not start with %1).</source>
        <translation>这不是 Berth 包（它不是以 %1 开头）。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The bundle is empty.</source>
        <translation>包是空的。</translation>
    </message>
    <message>
        <source>The bundle is incomplete: its checksums, which come last, are missing.</source>
        <translation>包不完整：位于末尾的校验和缺失。</translation>
    </message>
    <message>
        <source>The bundle holds files its list does not name.</source>
        <translation>包中含有其文件列表未列出的文件。</translation>
    </message>
    <message>
        <source>The bundle is incomplete: %1 is missing.</source>
        <translation>包不完整：缺少 %1。</translation>
    </message>
    <message>
        <source>%1 in the bundle has %2 bytes; its list says %3.</source>
        <translation>包中的 %1 有 %2 字节；其列表中记录的是 %3。</translation>
    </message>
    <message>
        <source>%1 in the bundle is damaged: its checksum does not match.</source>
        <translation>包中的 %1 已损坏：校验和不匹配。</translation>
    </message>
    <message>
        <source>An import is still running.</source>
        <translation>仍有一个导入正在进行。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>Cannot use the library folder %1.</source>
        <translation>无法使用库文件夹 %1。</translation>
    </message>
    <message>
        <source>A disk of the bundle cannot be read as %1: %2</source>
        <translation>包中的一个磁盘无法以 %1 格式读取：%2</translation>
    </message>
    <message>
        <source>The disk %1 in the bundle refers to another file (%2); Berth does not import disks that point outside the bundle.</source>
        <translation>包中的磁盘 %1 引用了另一个文件（%2）；Berth 不会导入指向包外部的磁盘。</translation>
    </message>
    <message>
        <source>A VM named &quot;%1&quot; already exists; import the bundle under another name.</source>
        <translation>名为“%1”的虚拟机已存在；请用其他名称导入此包。</translation>
    </message>
</context>
<context>
    <name>VmInstance</name>
    <message>
        <source>QEMU ended while no Berth was watching it, without shutting down cleanly</source>
        <translation>QEMU 在没有 Berth 监视时结束，且未正常关机</translation>
    </message>
    <message>
        <source>QEMU did not open its monitor within %1 seconds: %2</source>
        <translation>QEMU 在 %1 秒内没有打开监视器：%2</translation>
    </message>
    <message>
        <source>The guest&apos;s operating system crashed (kernel panic)</source>
        <translation>客户机操作系统崩溃（内核错误）</translation>
    </message>
    <message>
        <source>Berth cannot reach the monitor of %1: %2</source>
        <translation>Berth 无法连接到 %1 的监视器：%2</translation>
    </message>
</context>
<context>
    <name>VmLibrary</name>
    <message>
        <source>cannot sync %1: %2</source>
        <translation>无法同步 %1：%2</translation>
    </message>
    <message>
        <source>cannot keep the previous version of %1: %2</source>
        <translation>无法保留 %1 的上一个版本：%2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2 at byte %3)</source>
        <translation>%1 不是有效的 JSON（第 %3 字节处：%2）</translation>
    </message>
    <message>
        <source>%1 does not hold a JSON object</source>
        <translation>%1 不包含 JSON 对象</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 无法使用：%2</translation>
    </message>
    <message>
        <source>cannot create the library folder %1</source>
        <translation>无法创建库文件夹 %1</translation>
    </message>
    <message>
        <source>another VM (in %1) already has the name &quot;%2&quot;</source>
        <translation>另一台虚拟机（位于 %1）已使用名称“%2”</translation>
    </message>
    <message>
        <source>another VM (&quot;%1&quot;) has the same UUID; it was probably copied by hand</source>
        <translation>另一台虚拟机（“%1”）有相同的 UUID；它可能是手动复制的</translation>
    </message>
    <message>
        <source>A VM named &quot;%1&quot; already exists.</source>
        <translation>名为“%1”的虚拟机已存在。</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>There is no VM with the UUID %1 in the library.</source>
        <translation>库中没有 UUID 为 %1 的虚拟机。</translation>
    </message>
    <message>
        <source>The definition on disk cannot be read (%1); it was not overwritten.</source>
        <translation>无法读取磁盘上的定义（%1）；它未被覆盖。</translation>
    </message>
    <message>
        <source>The definition on disk now belongs to another VM; it was not overwritten.</source>
        <translation>磁盘上的定义现在属于另一台虚拟机；它未被覆盖。</translation>
    </message>
    <message>
        <source>There is no VM named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的虚拟机。</translation>
    </message>
    <message>
        <source>cannot delete the disk %1</source>
        <translation>无法删除磁盘 %1</translation>
    </message>
    <message>
        <source>; the previous version is in %1</source>
        <translation>；上一个版本保存在 %1 中</translation>
    </message>
    <message>
        <source>Could not create a folder in %1: %2</source>
        <translation>无法在 %1 中创建文件夹：%2</translation>
    </message>
    <message>
        <source>%1 is not a disk of &quot;%2&quot;.</source>
        <translation>%1 不是“%2”的磁盘。</translation>
    </message>
    <message>
        <source>%1 was not created by Berth: it is only detached, never deleted.</source>
        <translation>%1 不是 Berth 创建的：只会被分离，绝不会被删除。</translation>
    </message>
    <message>
        <source>%1 is also a disk of &quot;%2&quot;: it is kept.</source>
        <translation>%1 也是“%2”的磁盘：将被保留。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is deleted, but its folder %2 could not be removed entirely</source>
        <translation>“%1”已删除，但无法完全删除其文件夹 %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still in use: process %2 (%3) has its files open. Stop it first; nothing was deleted.</source>
        <translation>“%1”仍在使用中：进程 %2（%3）打开了它的文件。请先停止它；未删除任何内容。</translation>
    </message>
    <message>
        <source>cannot create %1 to keep the disks in; nothing was deleted</source>
        <translation>无法创建 %1 来保存磁盘；未删除任何内容</translation>
    </message>
    <message>
        <source>cannot move %1 to %2 to keep it; nothing was deleted</source>
        <translation>无法将 %1 移动到 %2 以保留它；未删除任何内容</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was changed or deleted by another process meanwhile; nothing was deleted.</source>
        <translation>“%1”在此期间已被另一个进程更改或删除；未删除任何内容。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the base of linked clones (%2): their disks are built on its disks. Delete them first.</source>
        <translation>“%1”是链接克隆（%2）的基础：它们的磁盘建立在它的磁盘之上。请先删除这些克隆。</translation>
    </message>
    <message>
        <source>cannot lock %1: %2</source>
        <translation>无法锁定 %1：%2</translation>
    </message>
    <message>
        <source>Not saved: %1 changed meanwhile elsewhere (%2). Look at the new values and make the change again.</source>
        <translation>未保存：%1 在此期间已在别处被更改（%2）。请查看新的值后重新进行更改。</translation>
    </message>
    <message>
        <source>The library was closed.</source>
        <translation>虚拟机库已关闭。</translation>
    </message>
</context>
<context>
    <name>VmLifecycle</name>
    <message>
        <source>“%1” is not running</source>
        <translation>“%1”没有在运行</translation>
    </message>
    <message>
        <source>“%1” is already running</source>
        <translation>“%1”已在运行</translation>
    </message>
    <message>
        <source>“%1” is still starting; try again in a moment</source>
        <translation>“%1”仍在启动中；请稍后再试</translation>
    </message>
    <message>
        <source>“%1” is not paused</source>
        <translation>“%1”没有暂停</translation>
    </message>
    <message>
        <source>“%1” is already paused</source>
        <translation>“%1”已经暂停</translation>
    </message>
    <message>
        <source>“%1” is paused and cannot react to the power button; resume it first, or force it off</source>
        <translation>“%1”已暂停，无法响应电源按钮；请先恢复它，或强制关闭</translation>
    </message>
    <message>
        <source>“%1” is being paused; try again in a moment</source>
        <translation>“%1”正在暂停；请稍后再试</translation>
    </message>
    <message>
        <source>“%1” is being resumed; try again in a moment</source>
        <translation>“%1”正在恢复；请稍后再试</translation>
    </message>
    <message>
        <source>“%1” is shutting down</source>
        <translation>“%1”正在关机</translation>
    </message>
    <message>
        <source>“%1” is being powered off; wait until it has stopped</source>
        <translation>“%1”正在断电；请等它停止</translation>
    </message>
    <message>
        <source>The system in “%1” has crashed; reset it or force it off</source>
        <translation>“%1”中的系统已崩溃；请重置或强制关闭它</translation>
    </message>
    <message>
        <source>Berth cannot reach the monitor of “%1” (retrying); you can force it off</source>
        <translation>Berth 无法连接到“%1”的监视器（正在重试）；可以强制关闭它</translation>
    </message>
    <message>
        <source>“%1” is running; shut it down first</source>
        <translation>“%1”正在运行；请先将它关机</translation>
    </message>
</context>
<context>
    <name>VmLimits</name>
    <message>
        <source>%1 MiB of memory is more than this computer has (%2 MiB).</source>
        <translation>%1 MiB 内存超过了这台计算机的内存（%2 MiB）。</translation>
    </message>
    <message>
        <source>This QEMU does not offer the machine type “%1”.</source>
        <translation>此 QEMU 不提供机器类型“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>%n virtual CPU(s) on a computer with %1: the VM will run slowly.</source>
        <translation>
            <numerusform>%n 个虚拟 CPU，而这台计算机只有 %1：虚拟机会运行得很慢。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hardware thread(s)</source>
        <translation>
            <numerusform>%n 个硬件线程</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VmListModel</name>
    <message>
        <source>This VM cannot be used: %1</source>
        <translation>此虚拟机无法使用：%1</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>TCG (emulated)</source>
        <translation>TCG（模拟）</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation>加速器</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>CPU Use</source>
        <translation>CPU 使用</translation>
    </message>
    <message>
        <source>Memory Use</source>
        <translation>内存使用</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>QEMU uses %1 % of the host&apos;s CPU time (100 % is one host core; this VM can use up to %2 %)</source>
        <translation>QEMU 占用主机 CPU 时间的 %1 %（100 % 为一个主机核心；此虚拟机最多可用 %2 %）</translation>
    </message>
    <message>
        <source>The guest uses %1 of its %2</source>
        <translation>客户机已用 %1，共 %2</translation>
    </message>
    <message>
        <source>Memory use is not reported by the guest (it needs the virtio-balloon driver)</source>
        <translation>客户机未报告内存使用量（需要 virtio-balloon 驱动）</translation>
    </message>
</context>
<context>
    <name>VmListView</name>
    <message>
        <source>Virtual machines</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>TCG (emulated)</source>
        <translation>TCG（模拟）</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
</context>
<context>
    <name>VmNetwork</name>
    <message>
        <source>&quot;%1&quot; needs a name after &quot;%2:&quot; (letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;; at most 32)</source>
        <translation>“%1”在“%2:”之后需要一个名称（字母、数字、“-”、“_”、“.”；最多 32 个）</translation>
    </message>
    <message>
        <source>A network is nat, none, private:NAME or bridge:NAME, not &quot;%1&quot;</source>
        <translation>网络可以是 nat、none、private:NAME 或 bridge:NAME，而不是“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not mac=XX:XX:XX:XX:XX:XX (a unicast address)</source>
        <translation>“%1”不是 mac=XX:XX:XX:XX:XX:XX（单播地址）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port (1 to 65535) or a range of ports such as 8000-8010</source>
        <translation>“%1”不是端口（1 到 65535）或端口范围（例如 8000-8010）</translation>
    </message>
    <message>
        <source>A network card&apos;s network &quot;%1&quot; is not a valid name.</source>
        <translation>网卡的网络名称“%1”无效。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a MAC address a network card can have.</source>
        <translation>“%1”不是网卡可以使用的 MAC 地址。</translation>
    </message>
    <message>
        <source>Two network cards have the MAC address %1.</source>
        <translation>有两块网卡的 MAC 地址都是 %1。</translation>
    </message>
    <message>
        <source>A port forward&apos;s protocol must be tcp or udp, not &quot;%1&quot;.</source>
        <translation>端口转发的协议必须是 tcp 或 udp，而不是“%1”。</translation>
    </message>
    <message>
        <source>A port forward needs host and guest ports between 1 and 65535.</source>
        <translation>端口转发的主机端口和客户机端口必须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <source>A port forward listens on an IPv4 address such as 127.0.0.1, not &quot;%1&quot;.</source>
        <translation>端口转发只能监听 IPv4 地址（例如 127.0.0.1），而不是“%1”。</translation>
    </message>
    <message>
        <source>Host ports %1/%2 and %3/%2 overlap.</source>
        <translation>主机端口 %1/%2 与 %3/%2 重叠。</translation>
    </message>
    <message>
        <source>Port forwards need a NAT network card.</source>
        <translation>端口转发需要一块 NAT 网卡。</translation>
    </message>
    <message>
        <source>network.nics must be a list</source>
        <translation>network.nics 必须是列表</translation>
    </message>
    <message>
        <source>network.port_forwards[%1] needs host_port and guest_port between 1 and 65535</source>
        <translation>network.port_forwards[%1] 需要 1 到 65535 之间的 host_port 和 guest_port</translation>
    </message>
</context>
<context>
    <name>VmResourceControl</name>
    <message>
        <source>QEMU refused the I/O limits: %1</source>
        <translation>QEMU 拒绝了 I/O 限制：%1</translation>
    </message>
    <message>
        <source>QEMU refused the memory target: %1</source>
        <translation>QEMU 拒绝了内存目标：%1</translation>
    </message>
    <message>
        <source>QEMU did not name its vCPU threads: %1</source>
        <translation>QEMU 未给出其 vCPU 线程：%1</translation>
    </message>
</context>
<context>
    <name>VmResources</name>
    <message>
        <source>resources.%1 must be a whole number between 0 and %2</source>
        <translation>resources.%1 必须是 0 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>An I/O limit is out of range.</source>
        <translation>I/O 限制超出范围。</translation>
    </message>
    <message>
        <source>The CPU weight must be between %1 and %2, not %3.</source>
        <translation>CPU 权重必须在 %1 到 %2 之间，而不是 %3。</translation>
    </message>
    <message>
        <source>The CPU limit must be above 0 %.</source>
        <translation>CPU 上限必须大于 0 %。</translation>
    </message>
    <message>
        <source>The memory target (%1 MiB) is more than the VM&apos;s memory (%2 MiB).</source>
        <translation>内存目标（%1 MiB）超过了虚拟机的内存（%2 MiB）。</translation>
    </message>
    <message>
        <source>The memory target (%1 MiB) is below the floor of %2 MiB.</source>
        <translation>内存目标（%1 MiB）低于下限 %2 MiB。</translation>
    </message>
    <message>
        <source>resources.%1 must be a list of CPUs as text</source>
        <translation>resources.%1 必须是文本形式的 CPU 列表</translation>
    </message>
</context>
<context>
    <name>VmState</name>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>正在运行</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Shutting down</source>
        <translation>正在关机</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <source>Pausing</source>
        <translation>正在暂停</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>正在恢复</translation>
    </message>
    <message>
        <source>Powering off</source>
        <translation>正在断电</translation>
    </message>
    <message>
        <source>Guest crashed</source>
        <translation>客户机已崩溃</translation>
    </message>
    <message>
        <source>Not responding</source>
        <translation>无响应</translation>
    </message>
</context>
<context>
    <name>VncWorker</name>
    <message>
        <source>the VNC server asks for a password</source>
        <translation>VNC 服务器要求输入密码</translation>
    </message>
    <message>
        <source>the VNC server sent an impossible screen size (%1×%2)</source>
        <translation>VNC 服务器发送了不可能的屏幕尺寸（%1×%2）</translation>
    </message>
    <message>
        <source>not enough memory for a %1×%2 screen</source>
        <translation>内存不足，无法容纳 %1×%2 的屏幕</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>the VNC connection ended (the server closed it or sent data Berth does not accept)</source>
        <translation>VNC 连接已结束（服务器关闭了连接，或发送了 Berth 不接受的数据）</translation>
    </message>
</context>
</TS>
