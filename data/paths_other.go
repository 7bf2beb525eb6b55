//go:build !windows

package data

// knownDocuments is Windows' Documents known folder: none here.
func knownDocuments() string { return "" }
