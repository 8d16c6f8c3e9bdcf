<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n virtual machine(s)</source>
        <translation>
            <numerusform>%n virtual machine</numerusform>
            <numerusform>%n virtual machines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n running</source>
        <translation>
            <numerusform>%1, %n running</numerusform>
            <numerusform>%1, %n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n virtual machine(s) will keep running after Berth closes.</source>
        <translation>
            <numerusform>%n virtual machine will keep running after Berth closes.</numerusform>
            <numerusform>%n virtual machines will keep running after Berth closes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n paused</source>
        <translation>
            <numerusform>%1, %n paused</numerusform>
            <numerusform>%1, %n paused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QemuLauncher</name>
    <message numerus="yes">
        <source>&quot;%1&quot; is the base of %n linked clone(s): starting it would change the disks they are built on. Delete its linked clones first, or make a full clone of it and use that.</source>
        <translation>
            <numerusform>&quot;%1&quot; is the base of %n linked clone: starting it would change the disks it is built on. Delete its linked clone first, or make a full clone of it and use that.</numerusform>
            <numerusform>&quot;%1&quot; is the base of %n linked clones: starting it would change the disks they are built on. Delete its linked clones first, or make a full clone of it and use that.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message numerus="yes">
        <source>Berth: %n virtual machine(s) running</source>
        <translation>
            <numerusform>Berth: %n virtual machine running</numerusform>
            <numerusform>Berth: %n virtual machines running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VmLimits</name>
    <message numerus="yes">
        <source>%n virtual CPU(s) on a computer with %1: the VM will run slowly.</source>
        <translation>
            <numerusform>%n virtual CPU on a computer with %1: the VM will run slowly.</numerusform>
            <numerusform>%n virtual CPUs on a computer with %1: the VM will run slowly.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hardware thread(s)</source>
        <translation>
            <numerusform>%n hardware thread</numerusform>
            <numerusform>%n hardware threads</numerusform>
        </translation>
    </message>
</context>
</TS>
