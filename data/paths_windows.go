package data

import "golang.org/x/sys/windows"

// knownDocuments is the user's Documents known folder, wherever it was moved to ("" when
// Windows cannot say).
func knownDocuments() string {
	p, err := windows.KnownFolderPath(windows.FOLDERID_Documents, windows.KF_FLAG_DEFAULT)
	if err != nil {
		return ""
	}
	return p
}
