"""Reports and data bundles: a period asked for, bundles read and combined (each refusal is one
line naming the bundle, where in it, and what is wrong there)."""

from __future__ import annotations

from enum import unique

from .core import Text


@unique
class Reporting(Text):
    PERIOD_ENDS_BEFORE_START = "The period ends ({end}) before it starts ({start}): swap the dates."
    # where a report goes
    BUNDLE_WITH_EVALUATION_ONLY = "A data bundle goes with the evaluation report only."
    NO_GROUP_REPORT = "There is no {kind} report of one group."
    BUNDLE_ONTO_REPORT = "The bundle and the report need different file names."
    ACCESSIBLE_ONTO = (
        "The accessible version would be written onto {path}: give the report a name ending in "
        ".pdf."
    )
    FIGURES_ONTO_SUMMARY = "The summary and its figures need different file names."
    # combining bundles
    NO_BUNDLES = "Name at least one bundle to combine."
    SAME_GROUP_TWICE = (
        "{first} and {second} are the same group ({group}) for the same period ({start} to "
        "{end}): give each group's period once."
    )
    FIGURE_CHANGED = (
        "{name}: {where} is {said} but {source} adds up to {total}: the bundle was changed after "
        "it was made."
    )
    SIZE_BAND_CHANGED = (
        "{name}: households.csv gives {household} %Ln person(s) but the band {band}: the bundle "
        "was changed after it was made."
    )
    PEOPLE_OUTSIDE_BANDS = (
        "{name}: {source} adds up to %Ln person(s), which the households' size bands do not "
        "allow: the bundle was changed after it was made."
    )
    # a bundle file refused as a whole
    BUNDLE_MISSING = "{name} does not exist."
    BUNDLE_IS_FOLDER = "{name} is a folder, not a data bundle."
    BUNDLE_UNREADABLE = "{name} cannot be read: {why}."
    BUNDLE_NOT_REGULAR = "{name} is not a regular file (a pipe or a device), so it is not read."
    BUNDLE_TOO_BIG = (
        "{name} is {megabytes:,.0f} MB; a data bundle is far smaller (at most {most} MB is read)."
    )
    BUNDLE_GREW = "{name} grew past {most} MB while it was read."
    BUNDLE_NOT_ZIP = "{name} is not a data bundle (not a zip file)."
    BUNDLE_NO_DESCRIPTOR = "{name} has no datapackage.json: it is not a Sponsor Desk bundle."
    DESCRIPTOR_NOT_JSON = "{name}: datapackage.json is not valid JSON ({why})."
    NOT_JSON_NUMBER = "{word} is not a number JSON allows"
    DESCRIPTOR_NOT_PACKAGE = "{name}: datapackage.json does not describe a data package."
    BUNDLE_OTHER_VERSION = (
        "{name} is a bundle of schema version {version}; this version of Sponsor Desk combines "
        "version {supported} only: make the bundle again with the same version as the others."
    )
    UNKNOWN_VERSION = "unknown"
    TABLE_MISSING = "{name} lacks the {tables} table of a version {version} bundle."
    TABLES_MISSING = "{name} lacks the {tables} tables of a version {version} bundle."
    # a refusal at one place in a bundle: "B.zip: money.csv line 4, amount is not a number."
    REFUSED = "{name} {what}."
    REFUSED_AT = "{name}: {where} {what}."
    AT_LINE = "{path} line {line}"
    AT_LINE_FIELD = "{path} line {line}, {field}"
    CHANGED_AFTER_MADE = (
        "does not match the SHA-256 its datapackage.json gives (resources[{index}].hash): it "
        "was changed after the bundle was made"
    )
    NOT_ONE_GROUP = "should hold exactly one group"
    TOO_MANY_FILES = "holds %Ln file(s); a data bundle holds about 30"
    MEMBER_BOMB = (
        "would unpack to {megabytes:,.0f} MB from {kilobytes:,.0f} KB: not a data bundle's table"
    )
    MEMBER_TWICE = "is in the zip twice"
    UNPACKS_TOO_BIG = "would unpack to {megabytes:,.0f} MB in all"
    MEMBER_MISSING = "is missing {path}, which its datapackage.json names"
    MEMBER_DAMAGED = "is damaged in the zip ({why})"
    MEMBER_ENCRYPTED = "is encrypted; a data bundle never is"
    DESCRIPTOR_TOO_BIG = "is far larger than a bundle's"
    NOT_UTF8 = "is not UTF-8 text"
    NO_BUNDLE_ID = "has no bundle id (id)"
    RESOURCES_NOT_LIST = "resources is not a list of tables"
    NOT_TABLE_DESCRIPTION = "is not a table description"
    NOT_BUNDLE_TABLE = "is not a table of a bundle"
    REPEATS = "repeats {table}"
    SHOULD_BE = "should be {wanted}"
    SHOULD_BE_TYPE = "should be {wanted} ({field})"
    NOT_SHA256 = "is not a SHA-256 (sha256:...)"
    TOO_MANY_TABLES = "lists far more tables than a bundle"
    NOT_TABLE_SCHEMA = "is not a table schema"
    NOT_FIELD_LIST = "is not a list of fields"
    FIELD_COUNT = "should list %Ln field(s) of {table}"
    NOT_A_FIELD = "is not a field"
    OTHER_COLUMNS = "has other columns than its datapackage.json"
    TOO_MANY_ROWS = "has more than %Ln row(s)"
    VALUE_COUNT = "has %Ln value(s), not {wanted}"
    VALUE_FAR_TOO_LONG = "holds a value far longer than any field allows"
    NOT_CSV = "is not a readable CSV table ({why})"
    # one value that does not fit its field
    VALUE_MISSING = "is empty but always given"
    NOT_WHOLE_NUMBER = "“{value}” is not a whole number"
    NOT_DECIMAL = "“{value}” is not a plain decimal number"
    NOT_DATE = "“{value}” is not a date (YYYY-MM-DD)"
    NOT_TRUE_FALSE = "“{value}” is not true or false"
    BELOW = "{value} is below {minimum}"
    ABOVE = "{value} is above {maximum}"
    TOO_LONG = "is %Ln character(s) long (at most {most:,})"
    CONTROL_CHARACTER = "holds a control character"
    NOT_ALLOWED = "“{value}” is not one of the allowed values"
    NOT_ALLOWED_LIST = "“{value}” is not a list of the allowed values"
