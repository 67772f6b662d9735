"""The enterprise register: enterprises, their spreadsheet import, the USCC checksum."""
