package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/entente/entente/server/auth"
)

func init() {
	commands["keys"] = command{summary: "keys new --role ROLE --name NAME: make an API key and its line for ENTENTE_API_KEYS_FILE", run: runKeys}
}

// runKeys makes a key: the secret goes to stdout once, the hashed line to stdout or --append FILE.
func runKeys(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "new" {
		return errors.New("usage: entente keys new --role reader|editor|admin --name NAME [--append FILE]")
	}
	fs := flag.NewFlagSet("entente keys new", flag.ContinueOnError)
	roleName := fs.String("role", "reader", "reader, editor or admin")
	name := fs.String("name", "", "who holds the key (letters, digits, ._@-)")
	appendTo := fs.String("append", "", "append the hashed line to this keys file (created 0600)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	role, err := auth.ParseRole(*roleName)
	if err != nil {
		return err
	}
	if *name == "" {
		return errors.New("--name is required: it names the key in logs and errors")
	}
	token, line, err := auth.New(role, *name)
	if err != nil {
		return err
	}
	if *appendTo != "" {
		f, err := os.OpenFile(*appendTo, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintln(f, line); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "appended the key's hash to %s\n", *appendTo)
	} else {
		fmt.Printf("line: %s\n", line)
	}
	fmt.Printf("key:  %s\n", token)
	fmt.Fprintln(os.Stderr, "the key is shown once; send it as Authorization: Bearer <key>")
	return nil
}
