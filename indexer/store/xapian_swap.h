// Swapping a freshly built Xapian directory in place of the live one, so a reader or a crash
// sees either the old database or the new one, never a mix.
#pragma once

#include <filesystem>

namespace foilog {

// Makes `fresh` the database at `live`; the old one is deleted. Uses renameat2(RENAME_EXCHANGE)
// (atomic); on file systems without it, two renames via `old` that recover_swap() can finish.
void swap_in_directory(const std::filesystem::path& fresh, const std::filesystem::path& live,
                       const std::filesystem::path& old);

// Finishes or undoes an interrupted swap and deletes an abandoned `fresh` build.
void recover_swap(const std::filesystem::path& fresh, const std::filesystem::path& live,
                  const std::filesystem::path& old);

}  // namespace foilog
