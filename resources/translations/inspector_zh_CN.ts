<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../inspector/ui/first_run.py" line="22"/>
        <source>Welcome to Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector/ui/first_run.py" line="27"/>
        <source>Before the first inspection, tell us who uses this computer. These details are printed on every enforcement document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector/ui/first_run.py" line="37"/>
        <source>e.g. Zhang Wei</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector/ui/first_run.py" line="38"/>
        <source>law-enforcement certificate number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector/ui/first_run.py" line="39"/>
        <source>e.g. Bayingolin Emergency Management Bureau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector/ui/first_run.py" line="40"/>
        <source>e.g. 库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector/ui/first_run.py" line="44"/>
        <source>Inspector name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector/ui/first_run.py" line="45"/>
        <source>Certificate number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector/ui/first_run.py" line="46"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector/ui/first_run.py" line="47"/>
        <source>Region abbreviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector/ui/first_run.py" line="54"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector/ui/first_run.py" line="55"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="26"/>
        <source>Welcome, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="29"/>
        <source>Certificate %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/main_window.py" line="31"/>
        <source>%n enterprise(s) registered</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="32"/>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="47"/>
        <source>Inspector — work-safety inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="52"/>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
