<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to Cluster Desktop</source>
        <translation>ورود به میزکار خوشه</translation>
    </message>
    <message>
        <source>Cluster Desktop</source>
        <translation>میزکار خوشه</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>نام کاربری:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
</context>
</TS>