#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gctq::output {

/// One RFC 4180 field: quoted (with doubled quotes) when it holds a comma, quote, CR or LF.
std::string CsvField(std::string_view value);

/// A CRLF-terminated CSV line of the given fields.
std::string CsvLine(std::vector<std::string> const& fields);

}  // namespace gctq::output
