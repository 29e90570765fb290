// Command govmomi-bench is the baseline of bench/vsphere.bench.ts: it retrieves the daily report's
// inventory properties from a vCenter (the lab simulator) with govmomi's PropertyCollector, in one
// RetrievePropertiesEx over a ContainerView (plus ContinueRetrievePropertiesEx pages, if any), and prints
// one JSON line with the time of each run.
//
// Build: GOPATH=/usr/share/gocode GO111MODULE=off go build (see build.sh).
package main

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/json"
	"flag"
	"fmt"
	"io/ioutil"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/vmware/govmomi/session"
	"github.com/vmware/govmomi/view"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

type selection struct {
	Type  string   `json:"type"`
	Paths []string `json:"paths"`
}

type result struct {
	RunsMs  []float64 `json:"runsMs"`
	Objects int       `json:"objects"`
	Props   int       `json:"props"`
}

func main() {
	rawURL := flag.String("url", "", "SDK URL, e.g. https://127.0.0.1:8989/sdk")
	user := flag.String("user", "vigie", "user")
	password := flag.String("password", "vigie-pass", "password")
	thumbprint := flag.String("thumbprint", "", "SHA-256 fingerprint of the server certificate (AA:BB:...)")
	specFile := flag.String("spec", "", "JSON file: [{type, paths}] (the same selection as the TypeScript side)")
	runs := flag.Int("runs", 1, "retrievals to time")
	flag.Parse()

	data, err := ioutil.ReadFile(*specFile)
	if err != nil {
		fail(err)
	}
	var sels []selection
	if err := json.Unmarshal(data, &sels); err != nil {
		fail(err)
	}
	u, err := url.Parse(*rawURL)
	if err != nil {
		fail(err)
	}
	ctx := context.Background()
	// Same trust decision as the TypeScript side: exactly the pinned certificate (by SHA-256; govmomi's
	// own thumbprint option is SHA-1).
	sc := soap.NewClient(u, true)
	sc.DefaultTransport().TLSClientConfig.VerifyPeerCertificate = func(raw [][]byte, _ [][]*x509.Certificate) error {
		if len(raw) == 0 || fingerprint(raw[0]) != strings.ToUpper(*thumbprint) {
			return fmt.Errorf("certificate fingerprint does not match %s", *thumbprint)
		}
		return nil
	}
	c, err := vim25.NewClient(ctx, sc)
	if err != nil {
		fail(err)
	}
	sm := session.NewManager(c)
	if err := sm.Login(ctx, url.UserPassword(*user, *password)); err != nil {
		fail(err)
	}
	defer sm.Logout(ctx)

	var kinds []string
	var pspec []types.PropertySpec
	for _, s := range sels {
		kinds = append(kinds, s.Type)
		pspec = append(pspec, types.PropertySpec{Type: s.Type, PathSet: s.Paths})
	}
	out := result{}
	for i := 0; i < *runs; i++ {
		start := time.Now()
		objects, err := retrieve(ctx, c, kinds, pspec)
		if err != nil {
			fail(err)
		}
		out.RunsMs = append(out.RunsMs, float64(time.Since(start).Microseconds())/1000)
		out.Objects = len(objects)
		out.Props = 0
		for _, o := range objects {
			out.Props += len(o.PropSet)
		}
	}
	line, _ := json.Marshal(out)
	fmt.Println(string(line))
}

// retrieve is what view.ContainerView.Retrieve does, with a PropertySpec per type and the Ex paging.
func retrieve(ctx context.Context, c *vim25.Client, kinds []string, pspec []types.PropertySpec) ([]types.ObjectContent, error) {
	m := view.NewManager(c)
	v, err := m.CreateContainerView(ctx, c.ServiceContent.RootFolder, kinds, true)
	if err != nil {
		return nil, err
	}
	defer v.Destroy(ctx)
	req := types.RetrievePropertiesEx{
		This: c.ServiceContent.PropertyCollector,
		SpecSet: []types.PropertyFilterSpec{{
			ObjectSet: []types.ObjectSpec{{
				Obj:  v.Reference(),
				Skip: types.NewBool(true),
				SelectSet: []types.BaseSelectionSpec{&types.TraversalSpec{
					SelectionSpec: types.SelectionSpec{Name: "traverseView"},
					Type:          "ContainerView",
					Path:          "view",
				}},
			}},
			PropSet: pspec,
		}},
	}
	res, err := methods.RetrievePropertiesEx(ctx, c, &req)
	if err != nil {
		return nil, err
	}
	if res.Returnval == nil {
		return nil, nil
	}
	objects := res.Returnval.Objects
	token := res.Returnval.Token
	for token != "" {
		next, err := methods.ContinueRetrievePropertiesEx(ctx, c, &types.ContinueRetrievePropertiesEx{
			This:  c.ServiceContent.PropertyCollector,
			Token: token,
		})
		if err != nil {
			return nil, err
		}
		objects = append(objects, next.Returnval.Objects...)
		token = next.Returnval.Token
	}
	return objects, nil
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "govmomi-bench: %s\n", err)
	os.Exit(1)
}

func fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}
