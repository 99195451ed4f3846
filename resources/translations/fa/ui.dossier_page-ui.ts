<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>DossierPage</name>
    <message>
        <source>Dossier</source>
        <translation>پرونده</translation>
    </message>
</context>
</TS>