package find

import "testing"

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Đặt hàng", "dat hang"},
		{"đường", "duong"},
		{"ĐƯỜNG", "duong"},
		{"Ơn giời", "on gioi"},
		{"Nhận thức", "nhan thuc"},
		{"ỨNG DỤNG", "ung dung"},
		{"Ăn uống ở đây", "an uong o day"},
		{"Thanh toán QR", "thanh toan qr"},
		{"Mỹ Tho, Kỳ Sơn, Ỷ lại", "my tho, ky son, y lai"},
		{"café Crème", "cafe creme"},
		{"", ""},
		{"plain ASCII", "plain ascii"},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// NFC and NFD input fold alike.
	if Fold("Nh\u1EADn") != Fold("Nha\u0323\u0302n") {
		t.Errorf("NFC and NFD differ: %q %q", Fold("Nh\u1EADn"), Fold("Nha\u0323\u0302n"))
	}
}

func TestQuery(t *testing.T) {
	card := Join("Đặt hàng trực tuyến", "Khách chọn món", "Ứng dụng", "mobile, ưu tiên")
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"dat hang", true},
		{"ĐẶT", true},
		{"hang dat", true},         // every word, any order
		{"dat ung", true},          // words from different fields
		{"uu tien", true},          // a tag
		{"dat xyz", false},         // one word missing
		{"tuyenkhach", false},      // no word across fields
		{"", false},                // empty matches nothing
		{"   ", false},             // nor does white space
		{"ư", true},                // a single folded letter
		{"dặt  HÀNG   trực", true}, // accents in the query count as little as in the text
	} {
		if got := Parse(c.q).Match(card); got != c.want {
			t.Errorf("%q: %v, want %v", c.q, got, c.want)
		}
	}
	if !Parse("nhan thuc").MatchText("Giai đoạn Nhận thức") || Parse("nhan thuc").MatchText("Nhận diện") {
		t.Error("MatchText")
	}
}

func BenchmarkFold(b *testing.B) {
	s := "Khách hàng đặt món qua ứng dụng, thanh toán bằng ví điện tử và nhận thông báo"
	for i := 0; i < b.N; i++ {
		Fold(s)
	}
}
