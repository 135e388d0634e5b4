// Personal data a publisher should look at before a response goes on a public log: e-mail
// addresses, UK phone numbers, National Insurance numbers and private people greeted by name.
#pragma once

#include <string_view>
#include <vector>

#include "model/record.h"

namespace foilog {

// Warnings in text order, kinds "email", "phone", "private_name", "ni_number". Masked addresses
// (xxx@xxxx.xx.xx) and generic greetings ("Dear Sir/Madam", "Dear Requester", "Dear [REDACTED]")
// are not reported; an authority's generic contact address (foi@, information@) is reported with
// a detail that says so. Pure.
[[nodiscard]] std::vector<Warning> find_personal_data(std::string_view text);

}  // namespace foilog
